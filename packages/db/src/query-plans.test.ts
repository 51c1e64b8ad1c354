// A page costs one index walk, whatever the number of posts (API.md: keyset pagination).
import { CompiledQuery, type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { selectCommentPage } from "./comments.js";
import { type PostPageQuery, selectPostPage } from "./posts.js";
import type { Database } from "./schema.js";
import { selectSqliteHits, selectSqliteRanking } from "./search-sqlite.js";
import { selectLiveSessions, selectUserBySession } from "./sessions.js";
import { openTestDb, testDialects } from "./test-support/test-db.js";

const after = { at: "2026-01-01T00:00:00.000Z", id: 5 };
const INK = { all: [[{ text: "ink", phrase: false }]], none: [] };
const pages: [string, PostPageQuery][] = [
  ["the first feed page", { limit: 11 }],
  ["a later feed page", { limit: 11, after }],
  ["an author's first page", { limit: 11, authorId: 1 }],
  ["an author's later page", { limit: 11, authorId: 1, after }],
];

async function sqlitePlan(db: Kysely<Database>, query: CompiledQuery): Promise<string[]> {
  const explain = CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]);
  const result = await db.executeQuery<{ detail: string }>(explain);
  return result.rows.map((row) => row.detail);
}

const sqlite = testDialects.filter((dialect) => dialect.name === "sqlite");
const postgres = testDialects.filter((dialect) => dialect.name === "postgres");

for (const dialect of sqlite) {
  it.each(pages)("reads %s on SQLite through a posts index, with no sort step", async (_, page) => {
    const { db } = await openTestDb(dialect);
    const plan = await sqlitePlan(db, selectPostPage(db, page).compile());
    const postsSteps = plan.filter((step) => / posts\b/.test(step));
    expect(postsSteps, plan.join("\n")).toHaveLength(1);
    expect(postsSteps[0]).toMatch(/USING (COVERING )?INDEX posts_(author_)?public_feed_idx/);
    expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
  });

  it.each(pages.filter(([, page]) => page.after))(
    "seeks %s on the position's time first, not on the scope's now (a deep page reads one page)",
    async (_, page) => {
      const { db } = await openTestDb(dialect);
      const query = selectPostPage(db, { ...page, now: "2027-01-01T00:00:00.000Z" }).compile();
      // SQLite seeks on the first upper bound of published_at in the WHERE clause.
      const outer = query.sql.lastIndexOf(" where "); // after the comment count's subquery
      const where = query.sql.slice(outer);
      expect(where).toMatch(/^ where "posts"\."published_at" <= \? and \("posts"\."status" = \?/);
      const bound = query.sql.slice(0, outer).split("?").length - 1;
      expect(query.parameters[bound]).toBe(after.at);
    },
  );

  it.each(pages)(
    "counts the comments of each post on %s inside one partial index",
    async (_, page) => {
      const { db } = await openTestDb(dialect);
      const plan = (await sqlitePlan(db, selectPostPage(db, page).compile())).join("\n");
      expect(plan).toMatch(/CORRELATED SCALAR SUBQUERY/);
      expect(plan).toMatch(
        /SEARCH comments USING COVERING INDEX comments_live_count_idx \(post_id=\? AND deleted_at=\?\)/,
      );
      expect(plan).not.toMatch(/SCAN comments/);
    },
  );

  it.each([
    ["the first page", { postId: 1, limit: 51 }],
    ["a later page", { postId: 1, limit: 51, after }],
  ])(
    "reads %s of a post's comments through its index, in order, with no sort step",
    async (_, page) => {
      const { db } = await openTestDb(dialect);
      const plan = (await sqlitePlan(db, selectCommentPage(db, page).compile())).join("\n");
      expect(plan).toMatch(/SEARCH comments USING INDEX comments_post_idx \(post_id=\?/);
      expect(plan).toMatch(/SEARCH posts USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
    },
  );

  it("authenticates a request through two primary keys, whatever the number of sessions", async () => {
    const { db } = await openTestDb(dialect);
    const query = selectUserBySession(db, "sid", 1, "now").compile();
    const plan = (await sqlitePlan(db, query)).join("\n");
    expect(plan).toMatch(/SEARCH sessions USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)/);
    expect(plan).toMatch(/SEARCH users USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).not.toMatch(/SCAN/);
  });

  it("lists a user's sessions through an index of sessions, not a scan of the table", async () => {
    const { db } = await openTestDb(dialect);
    const query = selectLiveSessions(db, 1, "now").compile();
    const plan = (await sqlitePlan(db, query)).join("\n");
    expect(plan).toMatch(/SEARCH sessions USING INDEX sessions_(user|expires)_idx/);
    expect(plan).not.toMatch(/SCAN sessions/);
  });

  it.each([
    ["a band's first page", { below: null, floor: null }, undefined, /:M\d+$/],
    ["a lower band's first page", { below: 900, floor: null }, undefined, /:M\d+<$/],
    ["a later page", { below: 900, floor: 40 }, { score: 1, at: after.at, id: 5 }, /:M\d+<>$/],
  ])(
    "ranks search hits on SQLite from the full-text index, each candidate's post by key, for %s",
    async (_, band, from, bounds) => {
      const { db } = await openTestDb(dialect);
      const request = {
        query: INK,
        band,
        bandSize: 10_000,
        after: from,
        limit: 11,
        candidates: 44,
        now: after.at,
      };
      const plan = await sqlitePlan(db, selectSqliteRanking(db, request).compile());
      const text = plan.join("\n");
      const scan = plan.findIndex((step) => step.startsWith("SCAN posts_search VIRTUAL TABLE"));
      // The band comes from FTS5 alone, bounded by its ids inside FTS5, in the doclist's own
      // newest-first order (no sort of every hit)...
      expect(plan[scan], text).toMatch(bounds);
      expect(plan[scan + 1], text).not.toMatch(/TEMP B-TREE/);
      // ...and only then is each candidate's post read, by key.
      expect(text).toMatch(
        /SCAN band\n(SCALAR SUBQUERY \d+\nSCAN edge\n)?SEARCH posts USING INTEGER/,
      );
      expect(text).not.toMatch(/^SCAN posts$/m);
    },
  );

  it("checks a query's exclusions on SQLite candidate by candidate, each by its rowid", async () => {
    const { db } = await openTestDb(dialect);
    const request = {
      query: { ...INK, none: [{ text: "quill", phrase: false }] },
      band: { below: null, floor: null },
      bandSize: 10_000,
      after: undefined,
      limit: 11,
      candidates: 44,
      now: after.at,
    };
    const compiled = selectSqliteRanking(db, request).compile();
    // The band is matched on the wanted word alone; the excluded one is asked about per candidate.
    expect(compiled.parameters).toContain('("ink")');
    expect(compiled.parameters).toContain('"quill"');
    const text = (await sqlitePlan(db, compiled)).join("\n");
    expect(text).toMatch(
      /CORRELATED SCALAR SUBQUERY \d+\nSCAN excluded VIRTUAL TABLE INDEX \d+:=M/,
    );
  });

  it("reads a page of search hits on SQLite by their ids, never by a scan", async () => {
    const { db } = await openTestDb(dialect);
    const request = { query: INK, ids: [3, 5, 8], now: after.at };
    const plan = (await sqlitePlan(db, selectSqliteHits(db, request).compile())).join("\n");
    expect(plan).toMatch(/^SCAN posts_search VIRTUAL TABLE INDEX \d+:=M/);
    expect(plan).toMatch(/SEARCH posts USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).toMatch(/SEARCH users USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it("notices a sort step when a query has no index for its order (control)", async () => {
    const { db } = await openTestDb(dialect);
    const query = db.selectFrom("posts").selectAll().orderBy("title").limit(10).compile();
    expect((await sqlitePlan(db, query)).join("\n")).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
}

for (const dialect of postgres) {
  it.skipIf(!dialect.url)(
    "has on Postgres a unique index on lower(username), one owner at most, the feed and comment indexes",
    async () => {
      const { db, schema } = await openTestDb(dialect);
      const result = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where schemaname = ${schema ?? ""}`.execute(db);
      const defs = Object.fromEntries(result.rows.map((row) => [row.indexname, row.indexdef]));
      expect(defs.users_username_lower_unique).toMatch(
        /^CREATE UNIQUE INDEX .*\(lower\(username\)\)/,
      );
      expect(defs.users_email_unique).toMatch(/^CREATE UNIQUE INDEX .*\(email\)/);
      expect(defs.posts_public_feed_idx).toMatch(/\(status, published_at, id\)/);
      expect(defs.posts_author_public_feed_idx).toMatch(/\(author_id, status, published_at, id\)/);
      // "My posts" walks the author's posts by creation; the review queue the pending ones.
      expect(defs.posts_author_feed_idx).toMatch(/\(author_id, created_at, id\)/);
      expect(defs.posts_status_created_idx).toMatch(/\(status, created_at, id\)/);
      expect(defs.users_single_owner).toMatch(/^CREATE UNIQUE INDEX .*\(role\) WHERE/);
      // Search: a GIN index over the generated tsvector of title and content.
      expect(defs.posts_search_idx).toMatch(/USING gin \(search_vector\)/);
      // A post's comments in order; the count of its live ones; replies; an author's comments.
      expect(defs.comments_post_idx).toMatch(/\(post_id, created_at, id\)/);
      expect(defs.comments_live_count_idx).toMatch(
        /\(post_id, deleted_at\) WHERE \(deleted_at IS NULL\)/,
      );
      expect(defs.comments_parent_idx).toMatch(/\(parent_id\)/);
      expect(defs.comments_author_idx).toMatch(/\(author_id\)/);
    },
  );
}
