// Reading one post for a caller: through the visibility scope (a post they may not see was
// never found), then, for an action, through the policy's check (seen but not allowed).
import {
  findPostById,
  findVisiblePost,
  type PostWithAuthorRow,
  postStateOf,
  type UserRow,
} from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { authorize } from "../policy/authorize.js";
import type { PostAction } from "../policy/can.js";
import { audienceOf } from "../policy/visibility.js";

export const postNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Post not found." });

/** A post anyone may read (published, its time come), else NOT_FOUND. */
export async function loadPublicPost(ctx: Context, id: number): Promise<PostWithAuthorRow> {
  const row = await findPostById(ctx.db, id);
  if (!row) throw postNotFound();
  return row;
}

/** A post `user` may see in any state (author, editors and above), else NOT_FOUND. */
export async function loadVisiblePost(
  ctx: Context,
  user: UserRow,
  id: number,
): Promise<PostWithAuthorRow> {
  const row = await findVisiblePost(ctx.db, id, audienceOf(user));
  if (!row) throw postNotFound();
  return row;
}

/** A post `user` may see and may do `action` to: NOT_FOUND, then FORBIDDEN, nothing changed. */
export async function loadPostFor(
  ctx: Context,
  user: UserRow,
  id: number,
  action: PostAction,
): Promise<PostWithAuthorRow> {
  const row = await loadVisiblePost(ctx, user, id);
  authorize(user, action, { authorId: row.author_id, state: postStateOf(row) });
  return row;
}
