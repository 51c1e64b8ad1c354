// Several server processes start at once on one empty Postgres database: each runs
// migrateToLatest, and Kysely's migration lock must let exactly one of them apply each step.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { createDb } from "./create-db.js";
import { folioMigrations, migrateToLatest } from "./migrate.js";

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
if (!postgresUrl) {
  console.warn(
    "\n*** FOLIO_TEST_POSTGRES_URL is not set: the concurrent migration test is SKIPPED. ***\n",
  );
}

it.skipIf(!postgresUrl)(
  "migrates once when four handles migrate an empty schema at once",
  async () => {
    const schema = `folio_dbtest_${randomBytes(6).toString("hex")}`;
    const admin = createDb(postgresUrl ?? "", { poolSize: 1 });
    await admin.pgPool?.query(`create schema ${schema}`);
    const handles = Array.from({ length: 4 }, () =>
      createDb(postgresUrl ?? "", { searchPath: schema, poolSize: 2 }),
    );
    try {
      await Promise.all(handles.map((handle) => migrateToLatest(handle.db, handle.dialect)));
      const first = handles[0] as (typeof handles)[number];
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
        first.db,
      );
      expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(folioMigrations("postgres")));
      const tables = (await first.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(expect.arrayContaining(["users", "posts"]));
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await admin.pgPool?.query(`drop schema ${schema} cascade`);
      await admin.close();
    }
  },
);

it.skipIf(!postgresUrl)(
  "migrates while other schemas of the same database are created, altered and dropped",
  async () => {
    // Other processes (parallel test files, other deployments) migrate their own schemas in the
    // same database; Kysely's scan of every schema must not fail ours when theirs change.
    const admin = createDb(postgresUrl ?? "", { poolSize: 2 });
    const pool = admin.pgPool;
    let churning = true;
    const churn = (async () => {
      for (let round = 0; churning && round < 2_000; round++) {
        const other = `folio_churn_${randomBytes(6).toString("hex")}`;
        await pool?.query(`create schema ${other}`);
        await pool?.query(`create table ${other}.posts (id int, title text, body text)`);
        await pool?.query(`alter table ${other}.posts drop column title`);
        await pool?.query(`drop schema ${other} cascade`);
      }
    })();
    const schemas = Array.from(
      { length: 6 },
      () => `folio_dbtest_${randomBytes(6).toString("hex")}`,
    );
    try {
      for (const schema of schemas) {
        await pool?.query(`create schema ${schema}`);
        const handle = createDb(postgresUrl ?? "", { searchPath: schema, poolSize: 1 });
        try {
          await migrateToLatest(handle.db, handle.dialect);
        } finally {
          await handle.close();
        }
      }
    } finally {
      churning = false;
      await churn;
      for (const schema of schemas) await pool?.query(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  },
  120_000,
);
