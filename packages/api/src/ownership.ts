// Ownership checks for every owner-only mutation: NOT_FOUND first, FORBIDDEN second.
// Resolvers pass the current user's id; no author id is ever read from input.
import { findPostAuthorId, findUserById } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "./context.js";

export async function loadOwnedPost(ctx: Context, postId: number, userId: number): Promise<void> {
  const authorId = await findPostAuthorId(ctx.db, postId);
  if (authorId === undefined)
    throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  if (authorId !== userId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You can only change your own posts." });
  }
}

export async function assertSelf(
  ctx: Context,
  targetUserId: number,
  userId: number,
): Promise<void> {
  if (targetUserId === userId) return;
  const target = await findUserById(ctx.db, targetUserId);
  if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "User not found." });
  throw new TRPCError({ code: "FORBIDDEN", message: "You can only change your own account." });
}
