// Runs work atomically whether or not the caller already holds a transaction: inside one it
// joins it (Kysely cannot nest them), otherwise it opens its own.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
