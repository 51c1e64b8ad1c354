// An empty Postgres database of its own for one test file (several server processes need one
// database to share, and a database, unlike a schema, needs no server setting). Dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface FreshDatabase {
  /** postgres:// URL of the new database. */
  url: string;
  /** Runs SQL on the new database (its own small pool). */
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Closes the pool and drops the database, ending connections still open to it. */
  drop(): Promise<void>;
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates `folio_<label>_<random>` on the server of `adminUrl`. */
export async function createFreshDatabase(adminUrl: string, label: string): Promise<FreshDatabase> {
  const name = `folio_${label}_${randomBytes(5).toString("hex")}`;
  await onServer(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on("error", () => {}); // the drop below ends idle connections on purpose
  return {
    url: url.toString(),
    async query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<Row>(text, values)).rows;
    },
    async drop() {
      await pool.end();
      await onServer(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
