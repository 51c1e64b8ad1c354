// Keyset pages: rows ordered by (a time, id), the page after a position, one index walk. The
// public feed spells its query out (it is a compiled template, posts.ts); the other lists use
// this.
import { type SelectQueryBuilder, type SqlBool, sql } from "kysely";

/** A keyset position: the ordering time and the id of the last row already shown. */
export interface FeedPosition {
  at: string;
  id: number;
}

export interface KeysetOrder {
  /** The ordering time column, e.g. "posts.created_at", and the tie-breaking id column. */
  time: string;
  id: string;
  direction: "asc" | "desc";
}

/** `select` ordered by `order`, from just after `after`, at most `limit` rows. */
export function keysetSlice<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  after: FeedPosition | undefined,
  limit: number,
): SelectQueryBuilder<DB, TB, O> {
  const time = sql.ref(order.time);
  const id = sql.ref(order.id);
  const beyond = order.direction === "desc" ? sql.raw("<") : sql.raw(">");
  const from = after
    ? select.where(sql<SqlBool>`(${time}, ${id}) ${beyond} (${after.at}, ${after.id})`)
    : select;
  return from.orderBy(time, order.direction).orderBy(id, order.direction).limit(limit);
}
