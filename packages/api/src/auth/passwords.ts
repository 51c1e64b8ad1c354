// argon2id with OWASP's parameters. @node-rs/argon2 hashes on libuv's thread pool, so the
// event loop keeps serving other requests while a password is hashed or checked.
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";
import { hashingSlots } from "./hashing-slots.js";

// `Algorithm` is a const enum, which verbatimModuleSyntax cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;

const OWASP_ARGON2ID = {
  algorithm: ARGON2ID,
  memoryCost: 19_456, // KiB = 19 MiB
  timeCost: 2,
  parallelism: 1,
} as const;

// Every hash and verify, of known and unknown accounts alike, waits in the same queue, so the
// queue adds no timing difference between them.
const hashing = pLimit(hashingSlots);

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, OWASP_ARGON2ID));
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown login) it still runs a full
 * verification against a dummy hash, so an unknown account answers in the same time.
 */
export async function verifyPassword(storedHash: string | undefined, password: string) {
  dummyHash ??= hashPassword("folio-dummy-password-for-unknown-accounts");
  const target = storedHash ?? (await dummyHash);
  const matches = await hashing(() => verify(target, password)).catch(() => false);
  return storedHash !== undefined && matches;
}
