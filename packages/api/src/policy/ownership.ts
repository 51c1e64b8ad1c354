// Ownership of accounts and sessions: NOT_FOUND first, FORBIDDEN second. Resolvers pass the
// current user's id; no owner id is ever read from input. Posts go through can.ts.
import { type Database, deleteSession, findUserById, type SessionRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
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
 * Ends one of the user's sessions and returns the row it was. Someone else's session and a
 * missing one are the same NOT_FOUND (API.md): a session id is a secret, and FORBIDDEN would
 * confirm one exists. The owner is part of the DELETE's own WHERE clause, so a refusal changes
 * nothing.
 */
export async function endOwnedSession(
  db: Kysely<Database>,
  sessionId: string,
  userId: number,
): Promise<SessionRow> {
  const ended = await deleteSession(db, userId, sessionId);
  if (!ended) throw new TRPCError({ code: "NOT_FOUND", message: "Session not found." });
  return ended;
}
