// Account tokens (reset, confirmation): rows keyed by the token's hash. Callers pass a
// transaction when the consumption must go together with the change it allows.
import type { Kysely } from "kysely";
import { inTransaction } from "./in-transaction.js";
import type { AccountTokenKind, Database } from "./schema.js";

export interface NewAccountToken {
  tokenHash: string;
  userId: number;
  kind: AccountTokenKind;
  email: string;
  expiresAt: Date;
}

/** Stores a token and deletes every older one of the same kind for that account. */
export async function replaceAccountToken(
  db: Kysely<Database>,
  token: NewAccountToken,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom("account_tokens")
      .where("user_id", "=", token.userId)
      .where("kind", "=", token.kind)
      .execute();
    await trx
      .insertInto("account_tokens")
      .values({
        token_hash: token.tokenHash,
        user_id: token.userId,
        kind: token.kind,
        email: token.email,
        expires_at: token.expiresAt.toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();
  });
}

export interface LiveAccountToken {
  userId: number;
  email: string;
}

/** The live (unexpired) token of that kind with that hash, without consuming it. */
export async function findLiveAccountToken(
  db: Kysely<Database>,
  kind: AccountTokenKind,
  tokenHash: string,
  now: Date,
): Promise<LiveAccountToken | undefined> {
  const row = await db
    .selectFrom("account_tokens")
    .select(["user_id", "email"])
    .where("token_hash", "=", tokenHash)
    .where("kind", "=", kind)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row ? { userId: row.user_id, email: row.email } : undefined;
}

/**
 * Deletes the live token of that kind with that hash and says whose it was. One statement with
 * the conditions in its WHERE clause: of two concurrent consumptions exactly one gets the row.
 */
export async function consumeAccountToken(
  db: Kysely<Database>,
  kind: AccountTokenKind,
  tokenHash: string,
  now: Date,
): Promise<LiveAccountToken | undefined> {
  const row = await db
    .deleteFrom("account_tokens")
    .where("token_hash", "=", tokenHash)
    .where("kind", "=", kind)
    .where("expires_at", ">", now.toISOString())
    .returning(["user_id", "email"])
    .executeTakeFirst();
  return row ? { userId: row.user_id, email: row.email } : undefined;
}

/** Marks the email confirmed, only while it is still `email`; false when it changed since. */
export async function markEmailVerified(
  db: Kysely<Database>,
  userId: number,
  email: string,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ email_verified: 1 })
    .where("id", "=", userId)
    .where("email", "=", email)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
