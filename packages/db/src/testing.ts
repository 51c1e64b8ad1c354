// Test support shared by every package's database tests (`@folio/db/testing`): the dialects a
// suite runs on, and a scratch database of its own on each. Postgres runs only when
// FOLIO_TEST_POSTGRES_URL is set; otherwise its suites are reported as skipped, loudly.
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { createDb, type DbHandle, type DialectName } from "./create-db.js";
import { migrateToLatest } from "./migrate.js";

export interface TestDialect {
  name: DialectName;
  url: string | undefined;
}

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;

/** Every dialect the suites run on; Postgres has no URL (and its tests are skipped) when unset. */
export const testDialects: TestDialect[] = [
  { name: "sqlite", url: "sqlite::memory:" },
  { name: "postgres", url: postgresUrl },
];

if (!postgresUrl) {
  console.warn(
    "\n*** FOLIO_TEST_POSTGRES_URL is not set: the Postgres half of this suite is SKIPPED. ***\n",
  );
}

/** `describe` once per dialect; a dialect without a URL shows up as a skipped suite. */
export function describeEachDialect(name: string, fn: (dialect: TestDialect) => void): void {
  for (const dialect of testDialects) {
    describe.skipIf(!dialect.url)(`${name} (${dialect.name})`, () => fn(dialect));
  }
}

export interface ScratchDb extends DbHandle {
  /** The Postgres schema this database lives in; undefined on SQLite. */
  schema: string | undefined;
  /** Drops the schema (Postgres) and closes the connection. */
  discard(): Promise<void>;
}

/** An empty database of its own (in memory, or a fresh Postgres schema), migrated by default. */
export async function openScratchDb(
  dialect: TestDialect,
  { migrate = true, poolSize = 2 } = {},
): Promise<ScratchDb> {
  if (!dialect.url) throw new Error(`No URL for ${dialect.name}`);
  const schema =
    dialect.name === "postgres" ? `folio_test_${randomBytes(6).toString("hex")}` : undefined;
  const handle = createDb(dialect.url, { searchPath: schema, poolSize });
  if (schema) await handle.pgPool?.query(`create schema ${schema}`);
  if (migrate) await migrateToLatest(handle.db, handle.dialect);
  return {
    ...handle,
    schema,
    async discard() {
      if (schema) await handle.pgPool?.query(`drop schema ${schema} cascade`);
      await handle.close();
    },
  };
}
