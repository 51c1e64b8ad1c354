// Reading one comment for a change: through the public scope (a comment that is deleted, or
// whose post is not published, was never found), then through the policy (seen, not allowed).
import { type CommentWithAuthorRow, findVisibleComment, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { authorizeComment } from "../policy/authorize.js";
import type { CommentAction } from "../policy/can.js";

export const commentNotFound = () =>
  new TRPCError({ code: "NOT_FOUND", message: "Comment not found." });

/** A comment anyone may read now, else NOT_FOUND. */
export async function loadVisibleComment(ctx: Context, id: number): Promise<CommentWithAuthorRow> {
  const row = await findVisibleComment(ctx.db, id);
  if (!row) throw commentNotFound();
  return row;
}

/** A comment `user` may see and may do `action` to: NOT_FOUND, then FORBIDDEN, nothing changed. */
export async function loadCommentFor(
  ctx: Context,
  user: UserRow,
  id: number,
  action: CommentAction,
): Promise<CommentWithAuthorRow> {
  const row = await loadVisibleComment(ctx, id);
  authorizeComment(user, action, { authorId: row.author_id, postAuthorId: row.post_author_id });
  return row;
}
