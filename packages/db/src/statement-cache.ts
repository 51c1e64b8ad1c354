// Kysely's SQLite driver prepares every query anew; compiling the SQL was ~6% of the server's
// CPU on a feed request (bench/README.md). Kysely emits the same SQL text for the same query
// shape, so a small LRU of prepared statements removes that cost.
import type { Database, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Distinct query shapes kept prepared; Folio has a few dozen. */
const DEFAULT_CAPACITY = 200;

/**
 * `database` as Kysely's SqliteDatabase, reusing prepared statements by SQL text. Safe because
 * better-sqlite3 runs one statement at a time on the event loop; the one exception, a statement
 * still being iterated by Kysely's streamQuery, is never reused (Folio does not stream).
 */
export function withStatementCache(
  database: Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so the Map's order is least-recently-used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
