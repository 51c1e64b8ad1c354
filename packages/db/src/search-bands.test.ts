// Hits are ranked in bands of the newest `bandSize` (ADR 022): within a band best first, band
// after band, every hit once at any page size; and the candidate cut that keeps a band's page
// cheap never changes which posts a page holds (ties, scheduled posts), on both databases.
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { insertPost } from "./posts.js";
import type { Database } from "./schema.js";
import { type SearchPosition, type SearchQuery, searchPosts } from "./search.js";
import { insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";

const LANTERN = { all: [[{ text: "lantern", phrase: false }]], none: [] };
const HOUR = 3_600_000;
const past = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();

/** Every hit's id, page after page of `limit`, with the cursor each page hands on. */
async function pageThrough(
  db: Kysely<Database>,
  limit: number,
  bandSize: number,
  query: SearchQuery = LANTERN,
) {
  const ids: number[] = [];
  let after: SearchPosition | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await searchPosts(db, { query, limit, after, bandSize });
    ids.push(...page.hits.map((hit) => hit.id));
    if (!page.next) return ids;
    // Every page but the last is full: no hit is ranked that the page then has to drop.
    expect(page.hits).toHaveLength(limit);
    after = page.next;
  }
  throw new Error("search paging did not end");
}

/** `n` matching posts, oldest first, each with `lantern` `weightOf(i)` times and a title match
 * on every third, published an hour apart in the order of their ids. */
async function matchingPosts(db: Kysely<Database>, n: number, status = "published" as const) {
  const { id: authorId } = await insertUserRow(db, "alice");
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const title = i % 3 === 0 ? `Lantern number ${i}` : `Number ${i}`;
    const content = `${"lantern ".repeat(1 + ((i * 7) % 4))}and other words`;
    ids.push(await insertPost(db, { authorId, title, content, status, publishedAt: past(n - i) }));
  }
  return { authorId, ids };
}

describeEachDialect("search bands", (dialect) => {
  it("ranks the newest hits first, best first within each band, every hit once", async () => {
    const { db } = await openTestDb(dialect);
    const { ids } = await matchingPosts(db, 11);
    // One band: the exact order of every hit.
    const best = await pageThrough(db, 50, 1000);
    expect([...best].sort((a, b) => a - b)).toEqual(ids);
    // Bands of 4: the newest four, then the next four, then the last three, each in that order.
    const newestFirst = [...ids].reverse();
    const bands = [newestFirst.slice(0, 4), newestFirst.slice(4, 8), newestFirst.slice(8)];
    const expected = bands.flatMap((band) => best.filter((id) => band.includes(id)));
    for (const limit of [1, 2, 3, 4, 5, 50]) {
      expect(await pageThrough(db, limit, 4), `pages of ${limit}`).toEqual(expected);
    }
    // A band is no window of the page: a title match in an older band comes after the newer band.
    const [firstOfOld] = bands[1] ?? [];
    expect(expected.indexOf(firstOfOld ?? 0)).toBeGreaterThanOrEqual(4);
  });

  it("keeps an older band's pages to that band while newer posts arrive", async () => {
    const { db } = await openTestDb(dialect);
    const { authorId, ids } = await matchingPosts(db, 9);
    // Pages of 6 in bands of 4: the first page ends inside the second band (ids[4]..ids[1]).
    const first = await searchPosts(db, { query: LANTERN, limit: 6, bandSize: 4 });
    expect(first.next?.band).toEqual({ below: ids[5], floor: ids[1] });
    const fresh = await insertPost(db, {
      authorId,
      title: "Lantern, new",
      content: "lantern lantern lantern",
      status: "published",
      publishedAt: null,
    });
    const after = first.next ?? undefined;
    const second = await searchPosts(db, { query: LANTERN, limit: 50, after, bandSize: 4 });
    const seen = new Set([...first.hits.map((hit) => hit.id), ...second.hits.map((hit) => hit.id)]);
    // The new post belongs to the newest band, already behind this reader: it is not slipped
    // into an older band's page (scores may move when posts change, bands do not).
    expect(seen.has(fresh)).toBe(false);
    expect(second.hits.every((hit) => hit.id < (ids[5] ?? 0))).toBe(true);
  });

  it("keeps pages exact when scheduled posts outscore every visible hit", async () => {
    const { db } = await openTestDb(dialect);
    const { authorId, ids: visible } = await matchingPosts(db, 5);
    const future = new Date(Date.now() + 24 * HOUR).toISOString();
    for (let i = 0; i < 30; i++) {
      const content = "lantern lantern lantern lantern lantern";
      const post = { authorId, title: "Lantern lantern", content, status: "published" as const };
      await insertPost(db, { ...post, publishedAt: future });
    }
    // Pages of 2 join 12 candidates, all of them scheduled: the band is asked again in full.
    const found = await pageThrough(db, 2, 1000);
    expect([...found].sort((a, b) => a - b)).toEqual(visible);
    expect(found).toEqual(await pageThrough(db, 50, 1000));
  });

  it("pages through a run of equal scores newest first, each once", async () => {
    const { db } = await openTestDb(dialect);
    const { id: authorId } = await insertUserRow(db, "alice");
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const post = { authorId, title: "Same", content: "the same lantern", status: "published" };
      ids.push(
        await insertPost(db, {
          ...(post as { status: "published" } & typeof post),
          publishedAt: past(40 - i),
        }),
      );
    }
    for (const limit of [1, 3, 7]) {
      expect(await pageThrough(db, limit, 1000), `pages of ${limit}`).toEqual([...ids].reverse());
      expect(await pageThrough(db, limit, 16), `bands of 16, pages of ${limit}`).toEqual(
        [...ids].reverse(),
      );
    }
  });

  it("finds the same hits in the same order when the best candidates are all excluded", async () => {
    const { db } = await openTestDb(dialect);
    const { authorId, ids: wanted } = await matchingPosts(db, 6);
    const shaded: number[] = [];
    for (let i = 0; i < 30; i++) {
      const post = { authorId, title: "Lantern shade", content: "lantern lantern lantern shade" };
      shaded.push(await insertPost(db, { ...post, status: "published", publishedAt: past(1) }));
    }
    const lanternNoShade = { ...LANTERN, none: [{ text: "shade", phrase: false }] };
    // Pages of 2 take 12 candidates, every one of them shaded: the band is asked again in full.
    const found = await pageThrough(db, 2, 1000, lanternNoShade);
    expect([...found].sort((a, b) => a - b)).toEqual(wanted);
    expect(found).toEqual(await pageThrough(db, 50, 1000, lanternNoShade));
    // The order is the one the wanted word alone gives those posts.
    expect(found).toEqual((await pageThrough(db, 50, 1000)).filter((id) => !shaded.includes(id)));
  });

  it("crosses bands an exclusion empties in a few statements, not one per band", async () => {
    const { db } = await openTestDb(dialect);
    const { ids: wanted } = await matchingPosts(db, 2);
    const { id: authorId } = await insertUserRow(db, "bob");
    for (let i = 0; i < 24; i++) {
      const post = { authorId, title: "Shade", content: "lantern shade", status: "published" };
      await insertPost(db, {
        ...(post as typeof post & { status: "published" }),
        publishedAt: null,
      });
    }
    let statements = 0;
    // One result per statement run (transformQuery also sees every subquery built).
    const counted = db.withPlugin({
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        statements += 1;
        return result;
      },
    });
    const query = { ...LANTERN, none: [{ text: "shade", phrase: false }] };
    const page = await searchPosts(counted, { query, limit: 5, bandSize: 3 });
    expect(page.hits.map((hit) => hit.id).sort((a, b) => a - b)).toEqual(wanted);
    // The newest band (3 shaded posts), then one band cut on the whole query, then the read;
    // bands of the wanted word alone would take nine statements to cross the 24 shaded posts.
    expect(statements).toBeLessThanOrEqual(4);
  });
});
