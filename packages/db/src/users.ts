// User queries. Every function takes the Kysely instance first.
import { type Kysely, sql } from "kysely";
import { deleteCommentsOf } from "./comment-deletion.js";
import { inTransaction } from "./in-transaction.js";
import { type FeedPosition, keysetSlice } from "./keyset.js";
import type { Database, Role, UserRow } from "./schema.js";

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
  /** Left out: the owner when no account has that role yet (the first on a database), else author. */
  role?: Role;
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
      role:
        user.role ??
        sql<Role>`case when exists (select 1 from users where role = 'owner') then 'author' else 'owner' end`,
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

/**
 * Deletes the user; their posts (with the comments on them) go through ON DELETE CASCADE, and
 * their comments elsewhere are deleted first as comment.delete would (placeholders where others
 * answered them), in the same transaction.
 */
export function deleteUser(db: Kysely<Database>, id: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await deleteCommentsOf(trx, id);
    const result = await trx.deleteFrom("users").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}

/** The account with exactly this email (stored lower-case), if any. */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}

/** An account's role, or whether it is suspended, changed by an admin (or the command line). */
export function setUserRole(
  db: Kysely<Database>,
  id: number,
  role: Role,
): Promise<UserRow | undefined> {
  return db
    .updateTable("users")
    .set({ role })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export function setUserSuspended(
  db: Kysely<Database>,
  id: number,
  suspendedAt: string | null,
): Promise<UserRow | undefined> {
  return db
    .updateTable("users")
    .set({ suspended_at: suspendedAt })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** The owner's account (there is exactly one once anyone has registered). */
export function findOwner(db: Kysely<Database>): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("role", "=", "owner").executeTakeFirst();
}

/**
 * Makes `newOwnerId` the owner and the current owner an admin, in one transaction (the unique
 * index on the owner role forbids two owners even for a moment, so the old one steps down first).
 */
export async function transferOwnership(
  db: Kysely<Database>,
  newOwnerId: number,
  options: { unsuspend?: boolean } = {},
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.updateTable("users").set({ role: "admin" }).where("role", "=", "owner").execute();
    await tx
      .updateTable("users")
      .set({ role: "owner", ...(options.unsuspend ? { suspended_at: null } : {}) })
      .where("id", "=", newOwnerId)
      .execute();
  });
}

export interface UserListQuery {
  /** A part of the username or email, any case. */
  query?: string | undefined;
  limit: number;
  /** The (created_at, id) of the last account shown. */
  after?: FeedPosition | undefined;
}

/** Escapes LIKE's wildcards so a search for "a_b" finds exactly that. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accounts newest first, with how many posts each has written (every status). */
export function listUsersForAdmin(db: Kysely<Database>, query: UserListQuery) {
  let select = db
    .selectFrom("users")
    .selectAll("users")
    .select((eb) =>
      eb
        .selectFrom("posts")
        .whereRef("posts.author_id", "=", "users.id")
        .select(eb.fn.countAll<number | string | bigint>().as("n"))
        .as("post_count"),
    );
  const text = query.query?.trim();
  if (text) {
    const pattern = likePattern(text);
    select = select.where((eb) =>
      eb.or([
        eb(sql`lower(username)`, "like", sql<string>`${pattern} escape '\\'`),
        eb("email", "like", sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const newest = { time: "users.created_at", id: "users.id", direction: "desc" } as const;
  return keysetSlice(select, newest, query.after, query.limit).execute();
}
