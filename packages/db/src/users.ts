// User queries. Every function takes the Kysely instance first.
import { type Kysely, sql } from "kysely";
import type { Database, UserRow } from "./schema.js";

export function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** `login` is a username (any case) or an email; both lookups hit a unique index. */
export function findUserByLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  const needle = login.toLowerCase();
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb.or([eb(sql`lower(username)`, "=", needle), eb("email", "=", needle)]))
    .executeTakeFirst();
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
}

export function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  return db
    .insertInto("users")
    .values({
      username: user.username,
      email: user.email.toLowerCase(),
      password_hash: user.passwordHash,
      image_url: null,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ProfileChange {
  username?: string | undefined;
  email?: string | undefined;
}

export function updateUserProfile(
  db: Kysely<Database>,
  id: number,
  change: ProfileChange,
): Promise<UserRow | undefined> {
  return db
    .updateTable("users")
    .set(() => {
      const email = change.email?.toLowerCase();
      return {
        ...(change.username !== undefined ? { username: change.username } : {}),
        // A new address is unconfirmed until its own link is followed; the same one stays as is.
        ...(email !== undefined
          ? {
              email,
              email_verified: sql<number>`case when email = ${email} then email_verified else 0 end`,
            }
          : {}),
      };
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Sets a new password hash. It ends no session by itself: callers end the sessions in the
 * same transaction (packages/api's sessions capability, ADR 011).
 */
export function setPasswordHash(
  db: Kysely<Database>,
  id: number,
  passwordHash: string,
): Promise<UserRow | undefined> {
  return db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the user; their posts go with them through ON DELETE CASCADE. */
export async function deleteUser(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom("users").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The account with exactly this email (stored lower-case), if any. */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}
