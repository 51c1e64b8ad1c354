// `commentCount` of API.md as SQL: a post's comments that are not deleted, counted only while
// the public may read them (the one visibility scope), so a draft, pending, scheduled or
// unpublished post counts none. One walk of a partial index per post shown: O(page).
import type { ExpressionBuilder } from "kysely";
import { PUBLIC_AUDIENCE, visibleTo } from "./post-visibility.js";
import type { Database } from "./schema.js";

/** The selection `comment_count` for a query over `posts`, read at `now`. */
export function commentCountOf(now: string) {
  return (eb: ExpressionBuilder<Database, "posts">) =>
    eb
      .selectFrom("comments")
      .whereRef("comments.post_id", "=", "posts.id")
      .where("comments.deleted_at", "is", null)
      // Correlated: the scope reads the outer row's status and publication time.
      .where(visibleTo(PUBLIC_AUDIENCE, now))
      .select((count) => count.fn.countAll<number | string | bigint>().as("n"))
      .as("comment_count");
}
