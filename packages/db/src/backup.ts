// Online backup of a SQLite database file. SQLite's backup API copies a consistent snapshot
// (the WAL included) while the server keeps reading and writing; copying the file itself would
// miss what still sits in folio.db-wal, or catch a half-written page.
import { existsSync } from "node:fs";
import SqliteDatabase from "better-sqlite3";

/** Copies the SQLite database at `sourcePath` to `destinationPath`, which must not exist yet. */
export async function backupSqliteFile(sourcePath: string, destinationPath: string): Promise<void> {
  if (existsSync(destinationPath)) throw new Error(`${destinationPath} already exists`);
  const source = new SqliteDatabase(sourcePath, { fileMustExist: true });
  try {
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
}
