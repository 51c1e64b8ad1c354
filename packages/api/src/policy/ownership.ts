// Ownership of accounts and sessions: NOT_FOUND first, FORBIDDEN second. Resolvers pass the
// current user's id; no owner id is ever read from input. Posts go through can.ts.
import { deleteSession, findUserById } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";

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

/**
 * Ends one of the user's sessions. Someone else's session and a missing one are the same
 * NOT_FOUND (API.md): a session id is a secret, and FORBIDDEN would confirm one exists. The
 * owner is part of the DELETE's own WHERE clause, so a refusal changes nothing.
 */
export async function endOwnedSession(
  ctx: Context,
  sessionId: string,
  userId: number,
): Promise<void> {
  if (!(await deleteSession(ctx.db, userId, sessionId))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Session not found." });
  }
}
