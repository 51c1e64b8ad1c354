// Keyset pages: ask for one row more than the page, and when it comes, sign the last shown
// row's position into the cursor (shared/cursor.ts) for the next page.
import type { FeedPosition } from "@folio/db";
import { decodeCursor, encodeCursor } from "./cursor.js";
import type { Page } from "./shapes.js";

export interface PageRequest {
  limit: number;
  cursor?: string | null | undefined;
}

/**
 * Runs `load(after, limit + 1)` and builds the page: `positionOf(row)` is the (time, id) the
 * rows are ordered by; `toItem` maps a row onto the wire.
 */
export async function keysetPage<Row, Item>(
  secret: Uint8Array,
  request: PageRequest,
  load: (after: FeedPosition | undefined, limit: number) => Promise<Row[]>,
  positionOf: (row: Row) => FeedPosition,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const after = request.cursor ? decodeCursor(secret, request.cursor) : undefined;
  const rows = await load(after, request.limit + 1);
  const items = rows.slice(0, request.limit);
  const last = items[items.length - 1];
  const more = rows.length > request.limit && last !== undefined;
  return {
    items: items.map(toItem),
    nextCursor: more ? encodeCursor(secret, positionOf(last)) : null,
  };
}
