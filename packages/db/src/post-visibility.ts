// Who can see which posts, as SQL: the one scope every query that reads posts applies (lists,
// one post, counts; comments and search join through it). packages/api's policy decides the
// audience from the caller's role (policy/visibility.ts); this file only says it in SQL, so no
// query can read a post without saying for whom.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "./schema.js";

/**
 * For whom a query reads posts:
 * - `null`: anyone at all (no token, or a public procedure): published posts whose time has come;
 * - `{ userId, seesEveryPost: false }`: those, and every post of that user in any status;
 * - `{ userId, seesEveryPost: true }`: every post (editors and above).
 */
export type PostAudience = { userId: number; seesEveryPost: boolean } | null;

/** The public audience: what a reader without an account may see. */
export const PUBLIC_AUDIENCE: PostAudience = null;

type PostsExpressionBuilder = ExpressionBuilder<Database, "posts">;

/** `published` and `published_at <= now`: a scheduled post goes live by itself at its time. */
export function isLive(eb: PostsExpressionBuilder, now: string): Expression<SqlBool> {
  return eb.and([eb("posts.status", "=", "published"), eb("posts.published_at", "<=", now)]);
}

/**
 * The visibility scope: `query.where(visibleTo(audience, now))`. `now` is the time of the read
 * (an ISO string), so visibility is decided when posts are read, on every process alike.
 */
export function visibleTo(audience: PostAudience, now: string) {
  return (eb: PostsExpressionBuilder): Expression<SqlBool> => {
    if (audience === null) return isLive(eb, now);
    if (audience.seesEveryPost) return eb.lit(true);
    return eb.or([isLive(eb, now), eb("posts.author_id", "=", audience.userId)]);
  };
}

/** The four states of API.md, and how each is told apart in the stored columns. */
export type PostState = "draft" | "pending" | "scheduled" | "published";

export function inState(state: PostState, now: string) {
  return (eb: PostsExpressionBuilder): Expression<SqlBool> => {
    switch (state) {
      case "draft":
      case "pending":
        return eb("posts.status", "=", state);
      case "published":
        return isLive(eb, now);
      case "scheduled":
        return eb.and([eb("posts.status", "=", "published"), eb("posts.published_at", ">", now)]);
    }
  };
}

/** The state of a stored post at `now` (API.md's `status`). */
export function postStateOf(
  row: { status: string; published_at: Date | string | null },
  now: number = Date.now(),
): PostState {
  if (row.status !== "published") return row.status === "pending" ? "pending" : "draft";
  const at = row.published_at;
  const time = at === null ? 0 : at instanceof Date ? at.getTime() : Date.parse(at);
  return time > now ? "scheduled" : "published";
}
