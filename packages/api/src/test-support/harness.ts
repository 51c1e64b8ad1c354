// Test harness: a fresh migrated database per test (SQLite in memory, and Postgres in a
// schema of its own when FOLIO_TEST_POSTGRES_URL is set), and callers acting as given users.
import { randomBytes } from "node:crypto";
import { createDb, type DbHandle, type DialectName, migrateToLatest } from "@folio/db";
import { createContextInner } from "../context.js";
import type { Session } from "../dto.js";
import { type RateLimits, unlimited } from "../rate-limits.js";
import { createCaller } from "../root.js";

export interface TestDialect {
  name: DialectName;
  url: string | undefined;
}

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;

/** Every dialect the suite runs on; Postgres has no URL (and its tests are skipped) when unset. */
export const testDialects: TestDialect[] = [
  { name: "sqlite", url: "sqlite::memory:" },
  { name: "postgres", url: postgresUrl },
];

if (!postgresUrl) {
  console.warn(
    "\n*** FOLIO_TEST_POSTGRES_URL is not set: the Postgres half of this suite is SKIPPED. ***\n",
  );
}

export const TEST_SECRET = new TextEncoder().encode("test-secret-that-is-at-least-32-bytes-long!!");
export const TEST_AUTH = { secret: TEST_SECRET, ttlSeconds: 3600 };

export interface TestApp {
  handle: DbHandle;
  db: DbHandle["db"];
  /** A caller with no token, or with the given access token. */
  caller(token?: string | null, clientIp?: string): ReturnType<typeof createCaller>;
  /** Registers a user and returns the session plus a caller acting as them. */
  signUp(
    username: string,
    password?: string,
  ): Promise<{ session: Session; as: ReturnType<typeof createCaller> }>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: TestDialect,
  limits: RateLimits = unlimited,
): Promise<TestApp> {
  if (!dialect.url) throw new Error(`No URL for ${dialect.name}`);
  const schema =
    dialect.name === "postgres" ? `folio_test_${randomBytes(6).toString("hex")}` : undefined;
  const handle = createDb(dialect.url, { searchPath: schema, poolSize: 4 });
  if (schema) await handle.pgPool?.query(`create schema ${schema}`);
  await migrateToLatest(handle.db, handle.dialect);

  const caller = (token?: string | null, clientIp = "203.0.113.7") =>
    createCaller(
      createContextInner({
        db: handle.db,
        auth: TEST_AUTH,
        limits,
        bearerToken: token ?? null,
        clientIp,
      }),
    );

  return {
    handle,
    db: handle.db,
    caller,
    async signUp(username, password = "correct horse battery") {
      const session = await caller().auth.register({
        username,
        email: `${username.toLowerCase()}@example.com`,
        password,
      });
      return { session, as: caller(session.accessToken) };
    },
    async close() {
      if (schema) await handle.pgPool?.query(`drop schema ${schema} cascade`);
      await handle.close();
    },
  };
}
