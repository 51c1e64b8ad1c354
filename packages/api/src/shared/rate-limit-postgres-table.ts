// The table RateLimiterPostgres keeps its counters in, created by Folio instead of by the
// limiter. The limiter's own creation starts in its constructor without being awaited: calls
// made before it finishes fail ("Table is not created yet"), and a failure is an unhandled
// rejection that ends the process. Here every limiter call waits for one creation per process.
import { RateLimiterPostgres } from "rate-limiter-flexible";

export const RATE_LIMIT_TABLE = "folio_rate_limits";

/** The subset of pg.Pool used here (packages/api does not depend on pg). */
interface Queryable {
  query(text: string): Promise<unknown>;
}

// The limiter's own statement (rate-limiter-flexible's _getCreateTableStmt), so either side may
// create the table first.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);`;

/**
 * Two processes creating the table at once: Postgres's IF NOT EXISTS can still fail with a
 * unique violation on its catalog (23505), duplicate_table (42P07) or duplicate_object (42710,
 * the table's row type); the table exists then.
 */
const createdByAnother = (error: unknown) =>
  ["23505", "42P07", "42710"].includes((error as { code?: string }).code ?? "");

/** Returns `ensure()`: resolves once the table exists; a failed attempt is retried next call. */
export function rateLimitTable(pool: Queryable): () => Promise<void> {
  let created: Promise<void> | null = null;
  return () => {
    created ??= pool.query(CREATE_TABLE).then(
      () => {},
      (error: unknown) => {
        if (createdByAnother(error)) return;
        created = null;
        throw error;
      },
    );
    return created;
  };
}

/** A limiter on the shared table; it never creates the table itself (see above). */
export function postgresLimiter(
  pool: Queryable,
  options: { keyPrefix: string; points: number; duration: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({
    ...options,
    storeClient: pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  });
}
