import { sql } from "kysely";
import { expect, it } from "vitest";
import { folioMigrations, migrateToLatest } from "./migrate.js";
import { insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";

async function appliedMigrations(db: Parameters<typeof migrateToLatest>[0]) {
  const result = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(db);
  return result.rows.map((row) => row.name);
}

it("names migrations so that they sort in the order they run", () => {
  const names = Object.keys(folioMigrations("sqlite"));
  expect(names).toEqual([...names].sort());
  expect(Object.keys(folioMigrations("postgres"))).toEqual(names);
});

describeEachDialect("migrations", (dialect) => {
  it("create the users and posts tables on a fresh database", async () => {
    const handle = await openTestDb(dialect, { migrate: false });
    await migrateToLatest(handle.db, handle.dialect);
    const tables = (await handle.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(["users", "posts", "sessions"]));
    // Sessions replace token versions (ADR 011).
    const users = (await handle.db.introspection.getTables()).find((t) => t.name === "users");
    expect(users?.columns.map((column) => column.name)).not.toContain("token_version");
    expect(await appliedMigrations(handle.db)).toEqual(Object.keys(folioMigrations(dialect.name)));
  });

  it("are a no-op the second time, keeping every row", async () => {
    const handle = await openTestDb(dialect);
    const { id } = await insertUserRow(handle.db, "alice");
    const before = await appliedMigrations(handle.db);
    await migrateToLatest(handle.db, handle.dialect);
    expect(await appliedMigrations(handle.db)).toEqual(before);
    const users = await handle.db.selectFrom("users").select(["id", "username"]).execute();
    expect(users).toEqual([{ id, username: "alice" }]);
  });
});
