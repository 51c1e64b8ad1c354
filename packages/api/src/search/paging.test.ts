// Pages of post.search: every hit once, in the order of one big page; cursors this server did
// not sign for this very query are refused.
import { expect, it } from "vitest";
import { encodeCursor, signCursor } from "../shared/cursor.js";
import type { SearchHit } from "../shared/shapes.js";
import {
  describeEachDialect,
  freshApp,
  TEST_SECRET,
  type TestApp,
} from "../test-support/harness.js";
import { expectHttpRefused } from "../test-support/snapshot.js";
import { parseSearchQuery } from "./query-language.js";

/** Posts of varied relevance to "lantern", several with the very same score. */
async function lanternBlog(app: TestApp): Promise<number> {
  const alice = await app.signUp("alice");
  const texts = [
    ["Lantern", "A lantern."],
    ["Notes", "A lantern, a lantern, another lantern."],
    ["Notes", "Something else, then a lantern."],
  ];
  let count = 0;
  for (let round = 0; round < 5; round++) {
    for (const [title = "", content = ""] of texts) {
      await alice.as.post.create({ title, content });
      count += 1;
    }
  }
  await alice.as.post.create({ title: "Unrelated", content: "Nothing to see." });
  return count;
}

async function allPages(app: TestApp, q: string, limit: number): Promise<SearchHit[][]> {
  const pages: SearchHit[][] = [];
  let cursor: string | undefined;
  do {
    const page = await app.caller().post.search({ q, limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describeEachDialect("post.search pages", (dialect) => {
  it("gives every hit once across pages, in the order of a single page", async () => {
    const app = await freshApp(dialect);
    const count = await lanternBlog(app);
    const single = (await app.caller().post.search({ q: "lantern", limit: 50 })).items;
    expect(single).toHaveLength(count);
    for (const limit of [1, 4, 5]) {
      const pages = await allPages(app, "lantern", limit);
      expect(pages.flat().map((hit) => hit.id)).toEqual(single.map((hit) => hit.id));
      expect(pages.every((page) => page.length > 0)).toBe(true);
    }
  });

  it("refuses a forged cursor, another query's, or a list's, with BAD_REQUEST naming cursor", async () => {
    const app = await freshApp(dialect);
    await lanternBlog(app);
    const first = await app.caller().post.search({ q: "lantern", limit: 2 });
    const cursor = first.nextCursor ?? "";
    const [body = "", mac = ""] = cursor.split(".");
    const values = JSON.parse(Buffer.from(body, "base64url").toString()) as unknown[];
    const forgedBody = Buffer.from(JSON.stringify([0, ...values.slice(1)])).toString("base64url");
    const listCursor = encodeCursor(TEST_SECRET, { at: "2026-01-01T00:00:00.000Z", id: 1 });
    // Signed by this server for this query, but not a position it hands out: a cursor from
    // before bands (no band), and a band below every post id.
    const signed = (values: unknown[]) =>
      signCursor(TEST_SECRET, "search-cursor", values, JSON.stringify(parseSearchQuery("lantern")));
    const refused = [
      { q: "lantern", cursor: signed(values.slice(2)) },
      { q: "lantern", cursor: signed([values[0], -1, ...values.slice(2)]) },
      { q: "lantern", cursor: `${forgedBody}.${mac}` },
      { q: "lantern", cursor: `${body}.${"A".repeat(mac.length)}` },
      { q: "lantern another", cursor },
      { q: "lantern", cursor: listCursor },
    ];
    for (const input of refused) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("post.search", input),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["cursor"]);
    }
    // And a search cursor is no cursor of the feed.
    const error = await expectHttpRefused(
      app.db,
      () => app.http("post.list", { cursor }),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["cursor"]);
    // The real cursor still works.
    expect((await app.caller().post.search({ q: "lantern", limit: 2, cursor })).items).toHaveLength(
      2,
    );
  });
});
