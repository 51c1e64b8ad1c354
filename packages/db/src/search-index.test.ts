// The search index follows every write to posts in the same statement (triggers on SQLite, a
// generated column on Postgres), whoever writes, a rolled-back transaction and a cascade included.
import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { expect, it } from "vitest";
import { folioMigrations, migrateToLatest } from "./migrate.js";
import { deletePost, insertPost, setPostStatus, updatePostText } from "./posts.js";
import type { Database } from "./schema.js";
import { searchPosts } from "./search.js";
import { insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb, type TestDb } from "./test-support/test-db.js";

const words = (...list: string[]) => ({
  all: list.map((text) => [{ text, phrase: false }]),
  none: [],
});

async function found(db: Kysely<Database>, ...list: string[]): Promise<number[]> {
  const { hits } = await searchPosts(db, { query: words(...list), limit: 50 });
  return hits.map((hit) => hit.id).sort((a, b) => a - b);
}

/** SQLite's own check that the FTS index holds exactly its content (the published posts). */
async function expectIndexIntact(handle: TestDb): Promise<void> {
  if (handle.dialect !== "sqlite") return;
  await sql`insert into posts_search (posts_search, rank) values ('integrity-check', 1)`.execute(
    handle.db,
  );
}

const post = (authorId: number, title: string, status: "draft" | "published" = "published") => ({
  authorId,
  title,
  content: "Plain words about nothing much.",
  status,
  publishedAt: null,
});

describeEachDialect("search index", (dialect) => {
  it("follows a post through create, update, publish, unpublish and delete", async () => {
    const handle = await openTestDb(dialect);
    const { db } = handle;
    const { id: authorId } = await insertUserRow(db, "alice");
    const live = await insertPost(db, post(authorId, "Lanterns at dusk"));
    const draft = await insertPost(db, post(authorId, "Lanterns in a draft", "draft"));
    expect(await found(db, "lantern")).toEqual([live]);

    await updatePostText(
      db,
      { id: live, author_id: authorId, status: "published" },
      {
        title: "Orchards at dawn",
      },
    );
    expect(await found(db, "lantern")).toEqual([]);
    expect(await found(db, "orchard")).toEqual([live]);

    await setPostStatus(db, draft, "published", new Date().toISOString());
    expect(await found(db, "lantern")).toEqual([draft]);
    await setPostStatus(db, draft, "draft", null);
    expect(await found(db, "lantern")).toEqual([]);
    await expectIndexIntact(handle);

    await deletePost(db, live);
    expect(await found(db, "orchard")).toEqual([]);
    await expectIndexIntact(handle);
  });

  it("drops a deleted user's posts with the user (the cascade moves the index too)", async () => {
    const handle = await openTestDb(dialect);
    const alice = await insertUserRow(handle.db, "alice");
    const bob = await insertUserRow(handle.db, "bob");
    await insertPost(handle.db, post(alice.id, "Harbor lights"));
    const bobs = await insertPost(handle.db, post(bob.id, "Harbor fog"));
    await handle.db.deleteFrom("users").where("id", "=", alice.id).execute();
    expect(await found(handle.db, "harbor")).toEqual([bobs]);
    await expectIndexIntact(handle);
  });

  it("moves with its transaction: seen inside it, gone after a rollback", async () => {
    const handle = await openTestDb(dialect);
    const { id: authorId } = await insertUserRow(handle.db, "alice");
    const rolledBack = handle.db.transaction().execute(async (trx) => {
      const id = await insertPost(trx, post(authorId, "Compass needles"));
      expect(await found(trx, "compass")).toEqual([id]);
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    expect(await found(handle.db, "compass")).toEqual([]);
    await expectIndexIntact(handle);
  });

  it("indexes the posts that existed before the search migration", async () => {
    const handle = await openTestDb(dialect, { migrate: false });
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => folioMigrations(dialect.name) },
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
    const { error } = await migrator.migrateTo("20261206-0001-roles-and-drafts");
    expect(error).toBeUndefined();
    const { id: authorId } = await insertUserRow(handle.db, "alice");
    const old = await insertPost(handle.db, post(authorId, "Meadow notes"));
    await insertPost(handle.db, post(authorId, "Meadow draft", "draft"));
    await migrateToLatest(handle.db, handle.dialect);
    expect(await found(handle.db, "meadow")).toEqual([old]);
    await expectIndexIntact(handle);
  });
});
