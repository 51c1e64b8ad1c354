// Session queries (ADR 011). A session lives while its row does: ending one deletes it. Times
// are ISO strings compared as such on SQLite and as timestamptz on Postgres.
import type { Kysely } from "kysely";
import type { Database, SessionRow, UserRow } from "./schema.js";

export interface NewSession {
  id: string;
  userId: number;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
    })
    .execute();
  await db
    .updateTable("users")
    .set({ last_seen_at: session.lastSeenAt })
    .where("id", "=", session.userId)
    .execute();
}

export type UserWithSessionRow = UserRow & { session_last_seen_at: Date | string };

/** The query behind findUserBySession (query-plans.test.ts checks its plan). */
export function selectUserBySession(
  db: Kysely<Database>,
  sessionId: string,
  userId: number,
  now: string,
) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select("sessions.last_seen_at as session_last_seen_at")
    .where("sessions.id", "=", sessionId)
    .where("sessions.user_id", "=", userId)
    .where("sessions.expires_at", ">", now);
}

/**
 * The user behind a live session, in one indexed query (the session's primary key, then the
 * user's): undefined when the session ended, expired, or belongs to another user.
 */
export function findUserBySession(
  db: Kysely<Database>,
  sessionId: string,
  userId: number,
  now: string,
): Promise<UserWithSessionRow | undefined> {
  return selectUserBySession(db, sessionId, userId, now).executeTakeFirst();
}

/**
 * Moves last_seen_at to `minute` unless it is there already. The condition makes concurrent
 * requests (on any process) write once: the second finds the row up to date.
 */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  minute: string,
): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ last_seen_at: minute })
    .where("id", "=", sessionId)
    .where("last_seen_at", "<", minute)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  // The account's last-seen time (the admin list) moves with its sessions', as rarely.
  await db
    .updateTable("users")
    .set({ last_seen_at: minute })
    .where("id", "=", (eb) =>
      eb.selectFrom("sessions").select("user_id").where("id", "=", sessionId),
    )
    .where((eb) => eb.or([eb("last_seen_at", "is", null), eb("last_seen_at", "<", minute)]))
    .execute();
  return true;
}

/** The query behind listLiveSessions. */
export function selectLiveSessions(db: Kysely<Database>, userId: number, now: string) {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id");
}

/** The user's sessions that have not expired, most recently seen first. */
export function listLiveSessions(
  db: Kysely<Database>,
  userId: number,
  now: string,
): Promise<SessionRow[]> {
  return selectLiveSessions(db, userId, now).execute();
}

/** Ends one session of `userId`: the row it was, or undefined when that user has no such session. */
export function deleteSession(
  db: Kysely<Database>,
  userId: number,
  sessionId: string,
): Promise<SessionRow | undefined> {
  return db
    .deleteFrom("sessions")
    .where("id", "=", sessionId)
    .where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirst();
}

/** Ends every session of `userId` but `keepSessionId`; returns how many ended. */
export async function deleteOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSessionId: string,
): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "<>", keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of `userId`; returns how many ended. */
export async function deleteAllSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes every session that expired at or before `now`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
