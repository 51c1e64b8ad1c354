import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectHttpRefused, expectRefused } from "../test-support/snapshot.js";

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describeEachDialect("post router", (dialect) => {
  it("creates a post authored by the current user, with trimmed text", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "  Hello  ", content: "\n Body \n" });
    const { email: _email, emailVerified: _verified, role: _role, ...author } = alice.session.user;
    expect(post).toEqual({
      id: expect.any(Number),
      title: "Hello",
      content: "Body",
      status: "published",
      publishedAt: post.createdAt,
      createdAt: expect.stringMatching(ISO_UTC),
      updatedAt: post.createdAt,
      author,
      commentCount: 0,
    });
    expect(await app.caller().post.byId({ id: post.id })).toEqual(post);
    await expectRefused(app.db, () => app.caller().post.byId({ id: post.id + 1 }), "NOT_FOUND");
  });

  it.each([
    ["a 1-character title", { title: "t" }],
    ["a 100-character title", { title: "t".repeat(100) }],
    ["a 1-character content", { content: "c" }],
    ["a 20,000-character content", { content: "c".repeat(20_000) }],
  ])("accepts %s", async (_name, override) => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "title", content: "content", ...override });
    expect(post).toMatchObject(override);
  });

  it.each([
    ["an empty title", { title: "" }, "title"],
    ["a title of spaces only", { title: "   " }, "title"],
    ["a 101-character title", { title: "t".repeat(101) }, "title"],
    ["an empty content", { content: "" }, "content"],
    ["a 20,001-character content", { content: "c".repeat(20_001) }, "content"],
    ["a title that is not a string", { title: 42 }, "title"],
  ])("refuses %s with BAD_REQUEST naming the field", async (_name, override, field) => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const input = { title: "title", content: "content", ...override };
    const error = await expectHttpRefused(
      app.db,
      () => app.http("post.create", input, { token: alice.token }),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
  });

  it("updates title or content of one's own post and moves updatedAt forward", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "before", content: "body" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await alice.as.post.update({ id: post.id, title: "  after " });
    expect(updated).toEqual({ ...post, title: "after", updatedAt: expect.stringMatching(ISO_UTC) });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(post.updatedAt));
    const again = await alice.as.post.update({ id: post.id, content: "new body" });
    expect(again).toMatchObject({ title: "after", content: "new body", createdAt: post.createdAt });
  });

  it("refuses an update with neither title nor content, or with an invalid one", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "t", content: "c" });
    await expectRefused(app.db, () => alice.as.post.update({ id: post.id }), "BAD_REQUEST");
    await expectRefused(
      app.db,
      () => alice.as.post.update({ id: post.id, title: " " }),
      "BAD_REQUEST",
    );
  });

  it("deletes one's own post", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const post = await alice.as.post.create({ title: "t", content: "c" });
    const kept = await alice.as.post.create({ title: "kept", content: "c" });
    expect(await alice.as.post.delete({ id: post.id })).toEqual({ ok: true });
    await expectRefused(app.db, () => app.caller().post.byId({ id: post.id }), "NOT_FOUND");
    expect((await app.caller().post.list()).items.map((item) => item.id)).toEqual([kept.id]);
  });

  it("refuses to change someone else's post (FORBIDDEN) or a missing one (NOT_FOUND)", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    const post = await alice.as.post.create({ title: "t", content: "c" });
    await expectRefused(app.db, () => bob.as.post.update({ id: post.id, title: "x" }), "FORBIDDEN");
    await expectRefused(app.db, () => bob.as.post.delete({ id: post.id }), "FORBIDDEN");
    await expectRefused(app.db, () => bob.as.post.update({ id: 999_999, title: "x" }), "NOT_FOUND");
    await expectRefused(app.db, () => bob.as.post.delete({ id: 999_999 }), "NOT_FOUND");
  });

  it("refuses ids that are not positive whole numbers", async () => {
    const app = await freshApp(dialect);
    for (const id of [0, -1, 1.5, "1"]) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("post.byId", { id }),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["id"]);
    }
  });
});
