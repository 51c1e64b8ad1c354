// A Postgres restart (or a proxy's idle timeout) kills pooled connections; pg reports that as
// an 'error' event on the pool, which must not end the process that holds the pool.
import pg from "pg";
import { expect, it } from "vitest";
import { createDb } from "./create-db.js";

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
if (!postgresUrl) {
  console.warn("\n*** FOLIO_TEST_POSTGRES_URL is not set: the pool error tests are SKIPPED. ***\n");
}

/** Leaves one idle client in `pool` and terminates its backend from another connection. */
async function killIdleClient(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
  } finally {
    await admin.end();
  }
}

it.skipIf(!postgresUrl)("hands a dropped idle connection to onPoolError", async () => {
  const errors: Error[] = [];
  const handle = createDb(postgresUrl ?? "", {
    poolSize: 1,
    onPoolError: (error) => errors.push(error),
  });
  try {
    await killIdleClient(handle.pgPool as pg.Pool);
    await expect.poll(() => errors.length).toBe(1);
    // The pool replaced the dead client: the next query works.
    const { rows } = await (handle.pgPool as pg.Pool).query("select 1 as one");
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await handle.close();
  }
});

it.skipIf(!postgresUrl)("survives a dropped idle connection without a listener", async () => {
  const handle = createDb(postgresUrl ?? "", { poolSize: 1 });
  const pool = handle.pgPool as pg.Pool;
  try {
    expect(pool.listenerCount("error")).toBe(1);
    const evicted = new Promise((resolve) => pool.once("remove", resolve));
    await killIdleClient(pool);
    // Without createDb's listener the 'error' event would be an uncaught exception here,
    // which vitest reports as a failed run.
    await evicted;
    const { rows } = await pool.query("select 1 as one");
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await handle.close();
  }
});
