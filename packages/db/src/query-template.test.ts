// The compiled post queries (query-template.ts): for every shape, on every dialect, the
// template's SQL and parameters equal a fresh compile of the same builder with the same values,
// and running it returns the rows a fresh query returns. A change to a builder changes its
// template with it; one that moved a value to another parameter would fail here.
import { describe, expect, it } from "vitest";
import {
  compilePostById,
  compilePostPage,
  findPostById,
  listPosts,
  type PostPageQuery,
  selectPostById,
  selectPostPage,
} from "./posts.js";
import { queryTemplate } from "./query-template.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";

const after = { at: "2026-01-01T00:03:00.000Z", id: 4 };
const now = "2026-02-01T00:00:00.000Z";
const pages: [string, PostPageQuery][] = [
  ["the first feed page", { limit: 3, now }],
  ["a later feed page", { limit: 3, after, now }],
  ["an author's first page", { limit: 2, authorId: 2, now }],
  ["an author's later page", { limit: 2, authorId: 1, after, now }],
];

const sqlAndParameters = (query: { sql: string; parameters: readonly unknown[] }) => ({
  sql: query.sql,
  parameters: [...query.parameters],
});

describeEachDialect("compiled post queries", (dialect) => {
  async function seeded() {
    const { db } = await openTestDb(dialect);
    const users = await db
      .insertInto("users")
      .values(
        [1, 2].map((n) => ({
          username: `author${n}`,
          email: `author${n}@example.com`,
          password_hash: "x",
          image_url: null,
          created_at: "2026-01-01T00:00:00.000Z",
        })),
      )
      .returning("id")
      .execute();
    for (let minute = 1; minute <= 6; minute++) {
      const at = `2026-01-01T00:0${minute}:00.000Z`;
      await db
        .insertInto("posts")
        .values({
          author_id: users[minute % 2]?.id ?? 0,
          title: `Post ${minute}`,
          content: "Text",
          created_at: at,
          updated_at: at,
          published_at: at,
        })
        .execute();
    }
    return db;
  }

  it.each(pages)("compiles %s as a fresh query would, and reads the same rows", async (_, page) => {
    const db = await seeded();
    // Twice: the first call compiles the template, the second reuses it.
    for (const query of [page, { ...page, limit: page.limit + 1 }]) {
      const fresh = selectPostPage(db, query).compile();
      expect(sqlAndParameters(compilePostPage(db, query))).toEqual(sqlAndParameters(fresh));
      expect(await listPosts(db, query)).toEqual(await selectPostPage(db, query).execute());
    }
  });

  it("compiles a post by id as a fresh query would, and reads the same row", async () => {
    const db = await seeded();
    for (const id of [3, 5, 999]) {
      const fresh = selectPostById(db, id, now).compile();
      expect(sqlAndParameters(compilePostById(db, id, now))).toEqual(sqlAndParameters(fresh));
      expect(await findPostById(db, id, now)).toEqual(
        await selectPostById(db, id, now).executeTakeFirst(),
      );
    }
  });

  it("refuses a template whose value fills no parameter, and fills every slot of one used twice", async () => {
    const { db } = await openTestDb(dialect);
    const unused = queryTemplate(
      (kysely, _: { id: number; title: string }) => kysely.selectFrom("posts").selectAll(),
      { id: -1, title: "\u0000unused" },
    );
    expect(() => unused.compile(db, { id: 1, title: "t" })).toThrow(/"id" must fill a parameter/);
    const build = (kysely: typeof db, { id }: { id: number }) =>
      kysely.selectFrom("posts").selectAll().where("id", "=", id).where("author_id", "=", id);
    const twice = queryTemplate(build, { id: -1 });
    expect(sqlAndParameters(twice.compile(db, { id: 7 }))).toEqual(
      sqlAndParameters(build(db, { id: 7 }).compile()),
    );
  });
});

describe("query templates", () => {
  it("are compiled once per database, not once per call", async () => {
    let builds = 0;
    const counted = queryTemplate(
      (db, { id }: { id: number }) => {
        builds += 1;
        return selectPostById(db, id);
      },
      { id: -1 },
    );
    const first = await openTestDb({ name: "sqlite", url: "sqlite::memory:" });
    const second = await openTestDb({ name: "sqlite", url: "sqlite::memory:" });
    for (const id of [1, 2, 3]) counted.compile(first.db, { id });
    counted.compile(second.db, { id: 1 });
    expect(builds).toBe(2);
  });
});
