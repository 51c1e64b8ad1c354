// The current-user dependency: token → claims → the live session and its user, in one query.
import type { Context } from "../context.js";
import { type CurrentSession, loadCurrentSession } from "../sessions/index.js";
import { unauthenticated } from "../shared/errors.js";
import { verifyAccessToken } from "./tokens.js";

/** The session behind the request's Bearer token; UNAUTHORIZED (one message for every cause). */
export async function authenticate(ctx: Context): Promise<CurrentSession> {
  if (!ctx.bearerToken) throw unauthenticated();
  const claims = await verifyAccessToken(ctx.auth, ctx.bearerToken);
  if (!claims) throw unauthenticated();
  // Loaded from the database, not trusted from the token: an ended or expired session, or a
  // deleted user, is refused at once, on every process (ADR 011).
  const current = await loadCurrentSession(ctx.db, claims);
  // A suspended account's sessions were ended with the suspension; this covers a request that
  // was already past that point.
  if (!current || current.user.suspended_at !== null) throw unauthenticated();
  return current;
}
