// RATE_LIMIT_STORE=postgres: counters shared by every process on one database, usable from the
// first call after start, even when several processes create the table at the same moment.
import { randomBytes } from "node:crypto";
import { createDb, type DbHandle } from "@folio/db";
import { afterEach, expect, it } from "vitest";
import { RATE_LIMIT_TABLE } from "./rate-limit-postgres-table.js";
import { createRateLimits, type RateLimits } from "./rate-limits.js";

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
if (!postgresUrl) {
  console.warn(
    "\n*** FOLIO_TEST_POSTGRES_URL is not set: the Postgres rate-limit store tests are SKIPPED. ***\n",
  );
}

const settings = { loginPerIp: 0, loginPerAccount: 3, registerPerIp: 0 };
const opened: { handle: DbHandle; schema: string }[] = [];

/** A pool working in a schema of its own (not created yet: the caller decides when). */
function openPool(schema = `folio_rltest_${randomBytes(6).toString("hex")}`) {
  const handle = createDb(postgresUrl ?? "", { searchPath: schema, poolSize: 3 });
  opened.push({ handle, schema });
  return { handle, schema, pool: handle.pgPool as NonNullable<DbHandle["pgPool"]> };
}

afterEach(async () => {
  for (const { handle, schema } of opened.splice(0)) {
    await handle.pgPool?.query(`drop schema if exists ${schema} cascade`);
    await handle.close();
  }
});

const outcome = (attempt: Promise<void>) =>
  attempt.then(
    () => "counted",
    (error: { code?: string }) => error.code ?? String(error),
  );

it.skipIf(!postgresUrl)(
  "counts from the first call, with three processes starting at once",
  async () => {
    const first = openPool();
    await first.pool.query(`create schema ${first.schema}`);
    // Three "processes": their own pools, their own limiters, one table none of them made yet.
    const processes: RateLimits[] = [
      first.pool,
      openPool(first.schema).pool,
      openPool(first.schema).pool,
    ].map((pool) => createRateLimits(settings, { kind: "postgres", pool }));
    const attempts = await Promise.all(
      processes.map((limits, i) => outcome(limits.beginLogin(`10.0.0.${i}`, "Alice"))),
    );
    expect(attempts).toEqual(["counted", "counted", "counted"]);
    // The fourth failure, on any process, is over the shared limit of 3.
    expect(await outcome((processes[1] as RateLimits).beginLogin("10.0.0.9", "alice"))).toBe(
      "TOO_MANY_REQUESTS",
    );
    const rows = await first.pool.query(`select points from ${RATE_LIMIT_TABLE}`);
    expect(rows.rows).toEqual([{ points: 4 }]);
  },
);

it.skipIf(!postgresUrl)(
  "fails the call, not the process, when the table cannot be made, and retries",
  async () => {
    const { pool, schema } = openPool();
    const limits = createRateLimits(settings, { kind: "postgres", pool });
    // The schema does not exist yet, so CREATE TABLE fails (3F000, invalid_schema_name).
    expect(await outcome(limits.beginLogin("10.0.0.1", "bob"))).toBe("3F000");
    await pool.query(`create schema ${schema}`);
    expect(await outcome(limits.beginLogin("10.0.0.1", "bob"))).toBe("counted");
    const rows = await pool.query(`select key, points from ${RATE_LIMIT_TABLE}`);
    expect(rows.rows).toEqual([{ key: "login_account:bob", points: 1 }]);
  },
);
