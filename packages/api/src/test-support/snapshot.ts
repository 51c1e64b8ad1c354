// "Nothing changed" assertions: every refusal is checked against the whole database.
import type { Database } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { HttpCall, WireError } from "./http.js";

/**
 * All users, posts, comments, sessions, tokens, pictures and queued mail, ordered by id: equal
 * snapshots mean no row was written. (Security events are checked by activity/'s own tests: a
 * refused login is a refusal that does record one.) A session's last_seen_at, and its copy on
 * the user, are left out: bookkeeping that a request may move once a minute.
 */
export async function snapshotDatabase(db: Kysely<Database>) {
  const users = (await db.selectFrom("users").selectAll().orderBy("id").execute()).map(
    ({ last_seen_at: _seen, ...user }) => user,
  );
  const posts = await db.selectFrom("posts").selectAll().orderBy("id").execute();
  const comments = await db.selectFrom("comments").selectAll().orderBy("id").execute();
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "user_id", "created_at", "user_agent", "expires_at"])
    .orderBy("id")
    .execute();
  const accountTokens = await db
    .selectFrom("account_tokens")
    .selectAll()
    .orderBy("token_hash")
    .execute();
  const pictures = await db
    .selectFrom("pictures")
    .select(["id", "user_id", "created_at"])
    .orderBy("id")
    .execute();
  const mail = await db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "recipient"])
    .orderBy("id")
    .execute();
  return { users, posts, comments, sessions, accountTokens, pictures, mail };
}

/**
 * Runs `call`, expects a TRPCError with `code` (and `message` when given), and that the
 * database is exactly as before. Returns the error for further checks.
 */
export async function expectRefused(
  db: Kysely<Database>,
  call: () => Promise<unknown>,
  code: TRPCError["code"],
  message?: string | RegExp,
): Promise<TRPCError> {
  const before = await snapshotDatabase(db);
  const outcome = await call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) {
    throw new Error(`Expected ${code}, but the call succeeded: ${JSON.stringify(outcome.value)}`);
  }
  const error = outcome.error;
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code).toBe(code);
  if (typeof message === "string") expect(trpcError.message).toBe(message);
  else if (message) expect(trpcError.message).toMatch(message);
  expect(await snapshotDatabase(db)).toEqual(before);
  return trpcError;
}

const HTTP_STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** The wire-level twin of expectRefused: status, `error.data.code`, database unchanged. */
export async function expectHttpRefused(
  db: Kysely<Database>,
  call: () => Promise<HttpCall>,
  code: TRPCError["code"],
): Promise<WireError> {
  const before = await snapshotDatabase(db);
  const response = await call();
  expect(response.error?.data.code, JSON.stringify(response.data)).toBe(code);
  expect(response.status).toBe(HTTP_STATUS[code]);
  expect(await snapshotDatabase(db)).toEqual(before);
  return response.error as WireError;
}
