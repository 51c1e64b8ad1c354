// Keyset pagination of post.list and post.byUser: order, stability under inserts, cursor trust.
import { expect, it } from "vitest";
import { encodeCursor } from "../shared/cursor.js";
import type { Page, Post } from "../shared/shapes.js";
import { describeEachDialect, freshApp, type SignedUp } from "../test-support/harness.js";
import { expectHttpRefused, expectRefused } from "../test-support/snapshot.js";

async function createPosts(author: SignedUp, count: number, prefix = "p"): Promise<Post[]> {
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    posts.push(await author.as.post.create({ title: `${prefix}${i}`, content: "c" }));
  }
  return posts;
}

const ids = (posts: Post[]) => posts.map((post) => post.id);
const newestFirst = (posts: Post[]) => ids(posts).reverse();

/** Follows nextCursor until null, with `between` run after every page. */
async function readAll(
  load: (cursor: string | undefined) => Promise<Page<Post>>,
  between: () => Promise<unknown> = async () => {},
): Promise<Post[][]> {
  const pages: Post[][] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    await between();
  } while (cursor);
  return pages;
}

describeEachDialect("post pagination", (dialect) => {
  it("lists newest first, 10 by default, with nextCursor null on the last page", async () => {
    const app = await freshApp(dialect);
    const posts = await createPosts(await app.signUp("alice"), 12);
    const first = await app.caller().post.list();
    expect(ids(first.items)).toEqual(newestFirst(posts).slice(0, 10));
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await app.caller().post.list({ cursor: first.nextCursor ?? "" });
    expect(ids(last.items)).toEqual(newestFirst(posts).slice(10));
    expect(last.nextCursor).toBeNull();
  });

  it("ends with nextCursor null when the last page is exactly full", async () => {
    const app = await freshApp(dialect);
    const posts = await createPosts(await app.signUp("alice"), 6);
    const pages = await readAll((cursor) => app.caller().post.list({ limit: 3, cursor }));
    expect(pages.map(ids)).toEqual([newestFirst(posts).slice(0, 3), newestFirst(posts).slice(3)]);
  });

  it("never repeats or skips a post when posts are added between page loads", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const posts = await createPosts(alice, 7);
    let added = 0;
    const pages = await readAll(
      (cursor) => app.caller().post.list({ limit: 3, cursor }),
      () => createPosts(alice, 2, `new${added++}-`),
    );
    expect(pages.flat().map((post) => post.id)).toEqual(newestFirst(posts));
  });

  it("orders posts created in the same instant by id, without repeats or gaps", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const at = "2026-01-01T00:00:00.000Z";
    const rows = Array.from({ length: 5 }, (_, i) => ({
      author_id: alice.id,
      title: `same${i}`,
      content: "c",
      created_at: at,
      updated_at: at,
      published_at: at,
    }));
    await app.db.insertInto("posts").values(rows).execute();
    const pages = await readAll((cursor) => app.caller().post.list({ limit: 2, cursor }));
    const seen = pages.flat().map((post) => post.title);
    expect(seen).toEqual(["same4", "same3", "same2", "same1", "same0"]);
  });

  it("pages one author's posts with byUser, and answers NOT_FOUND for no such user", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    const alicePosts = await createPosts(alice, 3, "a");
    await createPosts(bob, 2, "b");
    const pages = await readAll((cursor) =>
      app.caller().post.byUser({ userId: alice.id, limit: 2, cursor }),
    );
    expect(pages.flat().map((post) => post.id)).toEqual(newestFirst(alicePosts));
    expect(pages.flat().every((post) => post.author.id === alice.id)).toBe(true);
    await expectRefused(app.db, () => app.caller().post.byUser({ userId: 999_999 }), "NOT_FOUND");
  });

  it.each([1, 50])("accepts a limit of %i", async (limit) => {
    const app = await freshApp(dialect);
    await createPosts(await app.signUp("alice"), 2);
    expect((await app.caller().post.list({ limit })).items).toHaveLength(Math.min(limit, 2));
  });

  it.each([0, 51, 2.5, "10"])("refuses a limit of %j, naming limit", async (limit) => {
    const app = await freshApp(dialect);
    for (const path of ["post.list", "post.byUser"]) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http(path, { userId: path === "post.byUser" ? 1 : undefined, limit }),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["limit"]);
    }
  });

  it("refuses a cursor the server did not issue, whether forged, tampered or re-signed", async () => {
    const app = await freshApp(dialect);
    await createPosts(await app.signUp("alice"), 3);
    const real = (await app.caller().post.list({ limit: 1 })).nextCursor ?? "";
    const [body = "", signature = ""] = real.split(".");
    const otherSecret = new TextEncoder().encode("another-secret-that-is-32-bytes-long!!");
    const forgedBody = Buffer.from(JSON.stringify(["9999-01-01T00:00:00.000Z", 1e9])).toString(
      "base64url",
    );
    const forged = [
      "garbage",
      "abc.def",
      `${forgedBody}.${signature}`,
      `${body.slice(0, -1)}${body.endsWith("A") ? "B" : "A"}.${signature}`,
      `${body}.${signature}.extra`,
      `${body}.`,
      encodeCursor(otherSecret, { at: "2026-01-01T00:00:00.000Z", id: 1 }),
      "x".repeat(201),
    ];
    for (const cursor of forged) {
      await expectRefused(app.db, () => app.caller().post.list({ cursor }), "BAD_REQUEST");
      await expectRefused(
        app.db,
        () => app.caller().post.byUser({ userId: 1, cursor }),
        "BAD_REQUEST",
      );
    }
  });
});
