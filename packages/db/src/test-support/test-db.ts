// A fresh database per test on every dialect whose URL is set (see ../testing.ts).
import { onTestFinished } from "vitest";
import { openScratchDb, type ScratchDb, type TestDialect } from "../testing.js";

export { describeEachDialect, type TestDialect, testDialects } from "../testing.js";

export type TestDb = ScratchDb;

/** An empty database for the current test (migrated unless told not to), closed at its end. */
export async function openTestDb(dialect: TestDialect, { migrate = true } = {}): Promise<TestDb> {
  const db = await openScratchDb(dialect, { migrate });
  onTestFinished(() => db.discard());
  return db;
}
