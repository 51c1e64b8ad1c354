// A fresh migrated database per test on every dialect whose URL is set: SQLite in memory
// always, Postgres in a schema of its own when FOLIO_TEST_POSTGRES_URL is set.
import { randomBytes } from "node:crypto";
import { describe, onTestFinished } from "vitest";
import { createDb, type DbHandle, type DialectName } from "../create-db.js";
import { migrateToLatest } from "../migrate.js";

export interface TestDialect {
  name: DialectName;
  url: string | undefined;
}

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;

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

export interface TestDb extends DbHandle {
  /** The Postgres schema this test works in; undefined on SQLite. */
  schema: string | undefined;
}

/** An empty database for the current test (migrated unless told not to), closed at its end. */
export async function openTestDb(dialect: TestDialect, { migrate = true } = {}): Promise<TestDb> {
  if (!dialect.url) throw new Error(`No URL for ${dialect.name}`);
  const schema =
    dialect.name === "postgres" ? `folio_dbtest_${randomBytes(6).toString("hex")}` : undefined;
  const handle = createDb(dialect.url, { searchPath: schema, poolSize: 2 });
  if (schema) await handle.pgPool?.query(`create schema ${schema}`);
  onTestFinished(async () => {
    if (schema) await handle.pgPool?.query(`drop schema ${schema} cascade`);
    await handle.close();
  });
  if (migrate) await migrateToLatest(handle.db, handle.dialect);
  return { ...handle, schema };
}
