// Direct reads of a server's SQLite file, for checks the API cannot make (orphans, integrity).
import { join } from "node:path";
import Database from "better-sqlite3";

export function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, "folio.db"), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Posts whose author no longer exists. */
export const orphanPostCount = (db: Database.Database): number =>
  (
    db
      .prepare(
        "SELECT count(*) AS n FROM posts WHERE NOT EXISTS (SELECT 1 FROM users WHERE users.id = posts.author_id)",
      )
      .get() as { n: number }
  ).n;
