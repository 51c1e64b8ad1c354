// The session behind a verified token: the user and the live session in one query, and the
// minute-grained last-seen write (at most once a minute per session, never per request).
import {
  type Database,
  findUserBySession,
  toIsoString,
  touchSession,
  type UserRow,
} from "@folio/db";
import type { Kysely } from "kysely";
import type { TokenClaims } from "../auth/tokens.js";
import { isStale, minuteOf } from "./clock.js";

export interface CurrentSession {
  user: UserRow;
  sessionId: string;
}

/** Null when the session ended, expired, or is not the token's user's. */
export async function loadCurrentSession(
  db: Kysely<Database>,
  claims: TokenClaims,
  now = new Date(),
): Promise<CurrentSession | null> {
  const row = await findUserBySession(db, claims.sessionId, claims.userId, now.toISOString());
  if (!row) return null;
  const { session_last_seen_at: lastSeenAt, ...user } = row;
  if (isStale(toIsoString(lastSeenAt), now)) {
    await touchSession(db, claims.sessionId, minuteOf(now));
  }
  return { user, sessionId: claims.sessionId };
}
