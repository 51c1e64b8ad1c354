// Cursors of post.search: the last hit's (score, published_at, id), the order hits come in,
// signed with a key of their own and bound to the parsed query, so a cursor is refused with any
// other query (or as a list's cursor) instead of paging through the wrong hits. A position, not
// an offset: a page costs the same at any depth, and posts published meanwhile don't shift it.
import type { SearchPosition, SearchQuery } from "@folio/db";
import { invalidCursor, openCursor, signCursor } from "../shared/cursor.js";

const contextOf = (query: SearchQuery) => JSON.stringify(query);

export function encodeSearchCursor(
  secret: Uint8Array,
  query: SearchQuery,
  position: SearchPosition,
): string {
  const values = [position.score, position.at, position.id];
  return signCursor(secret, "search-cursor", values, contextOf(query));
}

export function decodeSearchCursor(
  secret: Uint8Array,
  query: SearchQuery,
  cursor: string,
): SearchPosition {
  const [score, at, id] = openCursor(secret, "search-cursor", cursor, contextOf(query));
  if (typeof score !== "number" || !Number.isFinite(score)) throw invalidCursor();
  if (typeof at !== "string" || !Number.isSafeInteger(id)) throw invalidCursor();
  return { score, at, id: id as number };
}
