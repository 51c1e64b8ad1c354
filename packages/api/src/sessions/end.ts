// Ending sessions. A session ends by deleting its row, so the very next request that carries
// its token, on any server process, finds nothing and is refused.
import {
  type Database,
  deleteAllSessions,
  deleteOtherSessions,
  deleteSession,
  type SessionRow,
} from "@folio/db";
import type { Kysely } from "kysely";

/** Ends the calling session (log out on this device): the row it was, if it still lived. */
export function endCurrentSession(
  db: Kysely<Database>,
  userId: number,
  sessionId: string,
): Promise<SessionRow | undefined> {
  return deleteSession(db, userId, sessionId);
}

/** Ends every session of the user but the calling one; returns how many ended. */
export function endOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSessionId: string,
): Promise<number> {
  return deleteOtherSessions(db, userId, keepSessionId);
}

/** Ends every session of the user (log out everywhere, a password reset); returns how many. */
export function endAllSessions(db: Kysely<Database>, userId: number): Promise<number> {
  return deleteAllSessions(db, userId);
}
