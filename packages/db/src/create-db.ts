// Opens Folio's database from a URL: `sqlite:<path>`, `sqlite::memory:` or `postgres://…`.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type pg from "pg";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";

export type DialectName = "sqlite" | "postgres";

// The Postgres driver is loaded only when a postgres:// URL is opened: on the SQLite default
// it would cost a few MB of memory in every process for nothing. (pg is CommonJS, so it can be
// required synchronously and createDb stays synchronous.)
const require = createRequire(import.meta.url);
const loadPg = (): typeof pg => require("pg");

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The pg pool behind `db` on Postgres (shared with stores that need a raw client), else null. */
  pgPool: pg.Pool | null;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Postgres only: connections in the pool. */
  poolSize?: number;
  /** Postgres only: the schema to work in (tests use one schema each). */
  searchPath?: string;
  /**
   * Postgres only: told when an idle pooled connection dies (a database restart, a proxy's
   * idle timeout). Default: ignore it; the pool drops that client and opens a new one later.
   */
  onPoolError?: (error: Error) => void;
}

const SQLITE_PREFIX = "sqlite:";

export function dialectOf(url: string): DialectName {
  if (url.startsWith(SQLITE_PREFIX)) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error("DATABASE_URL must start with sqlite: or postgres://");
}

export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  return dialectOf(url) === "sqlite"
    ? openSqlite(url.slice(SQLITE_PREFIX.length))
    : openPostgres(url, options);
}

function openSqlite(path: string): DbHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: "sqlite", pgPool: null, close: () => db.destroy() };
}

function openPostgres(url: string, options: CreateDbOptions): DbHandle {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // pg emits 'error' on the pool when an idle client dies; with no listener Node turns that
  // event into an uncaught exception and the process (a server, a seed script) exits.
  pool.on("error", options.onPoolError ?? (() => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Kysely's destroy() ends the pool it was given.
  return { db, dialect: "postgres", pgPool: pool, close: () => db.destroy() };
}
