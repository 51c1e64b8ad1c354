// Cursors of post.search: the last hit's band (the stretch of hits ranked together, ADR 022)
// and its (score, published_at, id), the order hits come in, signed with a key of their own and
// bound to the parsed query, so a cursor is refused with any other query (or as a list's cursor)
// instead of paging through the wrong hits. A position, not an offset: a page costs the same at
// any depth, and posts published meanwhile don't shift it.
import type { SearchPosition, SearchQuery } from "@folio/db";
import { invalidCursor, openCursor, signCursor } from "../shared/cursor.js";

const contextOf = (query: SearchQuery) => JSON.stringify(query);

const isPostId = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

export function encodeSearchCursor(
  secret: Uint8Array,
  query: SearchQuery,
  position: SearchPosition,
): string {
  const { band, score, at, id } = position;
  const values = [band.below, band.floor, score, at, id];
  return signCursor(secret, "search-cursor", values, contextOf(query));
}

export function decodeSearchCursor(
  secret: Uint8Array,
  query: SearchQuery,
  cursor: string,
): SearchPosition {
  const values = openCursor(secret, "search-cursor", cursor, contextOf(query));
  // A cursor signed before bands (three values) is refused like any other stale cursor.
  if (values.length !== 5) throw invalidCursor();
  const [below, floor, score, at, id] = values;
  if (!(below === null || isPostId(below)) || !isPostId(floor)) throw invalidCursor();
  if (typeof score !== "number" || !Number.isFinite(score)) throw invalidCursor();
  if (typeof at !== "string" || !isPostId(id)) throw invalidCursor();
  return { band: { below, floor }, score, at, id };
}
