// The moves between a post's states (API.md "Posts: drafts, review, scheduling"); the policy
// was checked by the caller. Each move is one conditional write: a post that changed state in
// between is not moved from a state it is no longer in.
import { type PostWithAuthorRow, postStateOf, setPostStatus } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { fieldError } from "../shared/errors.js";
import { postNotFound } from "./load-post.js";

/**
 * Publishes now, or schedules for `publishAt`. A scheduled post moves to the new time (or goes
 * live now without one); a published post stays as it is, and a time for it is refused.
 */
export async function publishPost(
  ctx: Context,
  post: PostWithAuthorRow,
  publishAt: string | undefined,
): Promise<void> {
  const state = postStateOf(post);
  if (state === "published") {
    if (publishAt !== undefined) {
      throw fieldError("BAD_REQUEST", "publishAt", "This post is already published.");
    }
    return;
  }
  const at = publishAt ?? new Date().toISOString();
  if (!(await setPostStatus(ctx.db, post.id, "published", at))) throw postNotFound();
}

/** Back to draft from published, scheduled or pending; a draft stays as it is. */
export async function unpublishPost(ctx: Context, post: PostWithAuthorRow): Promise<void> {
  if (post.status === "draft") return;
  if (!(await setPostStatus(ctx.db, post.id, "draft", null))) throw postNotFound();
}

/** A draft goes to review; from any other state → BAD_REQUEST. */
export async function submitPost(ctx: Context, post: PostWithAuthorRow): Promise<void> {
  if (post.status !== "draft") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Only a draft can be submitted for review.",
    });
  }
  if (!(await setPostStatus(ctx.db, post.id, "pending", null))) throw postNotFound();
}
