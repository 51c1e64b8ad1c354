// Single-use account tokens sent by mail (reset, confirmation): the one place their rule lives.
// 32 random bytes (base64url) handed out once; only the SHA-256 hash is stored; a newer token
// of the same kind for the same account supersedes older ones; consumed atomically.
import { createHash, randomBytes } from "node:crypto";
import {
  type AccountTokenKind,
  consumeAccountToken,
  type Database,
  findLiveAccountToken,
  type LiveAccountToken,
  replaceAccountToken,
} from "@folio/db";
import type { Kysely, Transaction } from "kysely";

export type { AccountTokenKind, LiveAccountToken };

export interface AccountTokenSettings {
  /** Lifetime of a password-reset token, in seconds. */
  resetTtlSeconds: number;
  /** Lifetime of an email-confirmation token, in seconds. */
  verifyTtlSeconds: number;
}

export interface FreshToken {
  /** Goes into the mail and nowhere else. */
  token: string;
  hash: string;
}

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** A new random token and its hash; nothing is stored yet. */
export function generateAccountToken(): FreshToken {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashAccountToken(token) };
}

function ttlOf(settings: AccountTokenSettings, kind: AccountTokenKind): number {
  return kind === "password_reset" ? settings.resetTtlSeconds : settings.verifyTtlSeconds;
}

/** Stores `fresh` for the account (superseding its older tokens of that kind); its expiry. */
export async function storeAccountToken(
  db: Kysely<Database>,
  settings: AccountTokenSettings,
  kind: AccountTokenKind,
  owner: { userId: number; email: string },
  fresh: FreshToken,
): Promise<Date> {
  const expiresAt = new Date(Date.now() + ttlOf(settings, kind) * 1000);
  await replaceAccountToken(db, { tokenHash: fresh.hash, kind, expiresAt, ...owner });
  return expiresAt;
}

/** Generates and stores a token for the account; the token (for the mail) and its expiry. */
export async function issueAccountToken(
  db: Kysely<Database>,
  settings: AccountTokenSettings,
  kind: AccountTokenKind,
  owner: { userId: number; email: string },
): Promise<{ token: string; expiresAt: Date }> {
  const fresh = generateAccountToken();
  const expiresAt = await storeAccountToken(db, settings, kind, owner, fresh);
  return { token: fresh.token, expiresAt };
}

/** Whose live token this is, without using it up (a cheap check before costly work). */
export function peekAccountToken(
  db: Kysely<Database>,
  kind: AccountTokenKind,
  token: string,
): Promise<LiveAccountToken | undefined> {
  return findLiveAccountToken(db, kind, hashAccountToken(token), new Date());
}

/**
 * Uses the token up and runs `apply` with its owner in the same transaction: when `apply`
 * throws, the token stays. Of two concurrent redemptions exactly one sees the row (a
 * conditional DELETE … RETURNING); the other gets undefined and must change nothing.
 */
export async function redeemAccountToken<T>(
  db: Kysely<Database>,
  kind: AccountTokenKind,
  token: string,
  apply: (trx: Transaction<Database>, owner: LiveAccountToken) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction().execute(async (trx) => {
    const owner = await consumeAccountToken(trx, kind, hashAccountToken(token), new Date());
    if (!owner) return undefined;
    return apply(trx, owner);
  });
}
