// Starting a session: every login, registration, password change and reset goes through here,
// so a token never exists without the session row that makes it valid.
import { type Database, deleteAllSessions, insertSession, type UserRow } from "@folio/db";
import type { Kysely, Transaction } from "kysely";
import { type AuthSettings, issueAccessToken } from "../auth/tokens.js";
import { type Session, toPrivateUser } from "../shared/shapes.js";
import { minuteOf } from "./clock.js";
import { newSessionId } from "./session-id.js";

/** What starting a session needs; a request's Context has all of it. */
export interface SessionStarter {
  db: Kysely<Database>;
  auth: AuthSettings;
  /** The device, as normalizeUserAgent made it (null when the client sent none). */
  userAgent: string | null;
}

/** Starts a session for `user` on the calling device and returns its token. */
export async function startSession(ctx: SessionStarter, user: UserRow): Promise<Session> {
  const id = newSessionId();
  const now = new Date();
  // The session expires with its token: one lifetime, ACCESS_TOKEN_TTL.
  const token = await issueAccessToken(ctx.auth, user.id, id, now.getTime());
  await insertSession(ctx.db, {
    id,
    userId: user.id,
    userAgent: ctx.userAgent,
    createdAt: now.toISOString(),
    lastSeenAt: minuteOf(now),
    expiresAt: token.expiresAt,
  });
  return { ...token, tokenType: "bearer", user: toPrivateUser(user) };
}

/**
 * In one transaction: applies `change` (e.g. a new password hash), ends every session of the
 * user, and starts a new one for the calling device. For a password change and a reset: the
 * old credentials' sessions end at the same instant the new ones take effect. Undefined when
 * `change` finds no user (nothing is written then).
 */
export function replaceAllSessions(
  ctx: SessionStarter,
  userId: number,
  change: (trx: Transaction<Database>) => Promise<UserRow | undefined>,
): Promise<Session | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await change(trx);
    if (!user) return undefined;
    await deleteAllSessions(trx, userId);
    return startSession({ ...ctx, db: trx }, user);
  });
}
