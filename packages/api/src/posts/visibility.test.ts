// A post that is not published exists only for its author and editors and above: through every
// path that reads posts (API.md "Roles"). Scheduled posts go live by themselves at their time.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp, type SignedUp } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";

describeEachDialect("post visibility", (dialect) => {
  async function blog() {
    const app = await freshApp(dialect);
    const owner = await app.signUp("owner");
    const writer = await app.signUp("writer");
    const other = await app.signUp("other");
    const editor = await app.signUp("editor");
    await owner.as.admin.setRole({ userId: editor.id, role: "editor" });
    const create = (title: string, extra: object = {}) =>
      writer.as.post.create({ title, content: `Words of ${title}.`, ...extra });
    const published = await create("Published");
    const draft = await create("Draft", { status: "draft" });
    const pending = await create("Pending", { status: "pending" });
    const scheduled = await create("Scheduled", {
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const unpublished = await create("Unpublished");
    await writer.as.post.unpublish({ id: unpublished.id });
    const hidden = [draft, pending, scheduled, unpublished];
    return { app, owner, writer, other, editor, published, hidden };
  }

  const titles = (page: { items: { title: string }[] }) => page.items.map((post) => post.title);

  it("shows only the published post in the feed, an author's page and byId, to anyone", async () => {
    const { app, writer, other, editor, published, hidden } = await blog();
    // Public procedures read for the public whoever calls: the author and editors included.
    for (const caller of [
      app.caller(),
      app.caller(other.token),
      app.caller(writer.token),
      app.caller(editor.token),
    ]) {
      expect(titles(await caller.post.list())).toEqual(["Published"]);
      expect(titles(await caller.post.byUser({ userId: writer.id }))).toEqual(["Published"]);
      await expect(caller.post.byId({ id: published.id })).resolves.toMatchObject({
        status: "published",
      });
      for (const post of hidden) {
        await expectRefused(app.db, () => caller.post.byId({ id: post.id }), "NOT_FOUND");
      }
    }
  });

  it("lets the author and editors preview every state, and nobody else", async () => {
    const { app, writer, other, editor, owner, hidden } = await blog();
    for (const post of hidden) {
      for (const viewer of [writer, editor, owner]) {
        await expect(viewer.as.post.preview({ id: post.id })).resolves.toMatchObject({
          id: post.id,
        });
      }
      await expectRefused(app.db, () => other.as.post.preview({ id: post.id }), "NOT_FOUND");
    }
  });

  it("answers every change to a post someone may not see with NOT_FOUND, as for a missing one", async () => {
    const { app, other, hidden } = await blog();
    for (const post of hidden) {
      await expectRefused(
        app.db,
        () => other.as.post.update({ id: post.id, title: "x" }),
        "NOT_FOUND",
      );
      await expectRefused(app.db, () => other.as.post.publish({ id: post.id }), "NOT_FOUND");
      await expectRefused(app.db, () => other.as.post.unpublish({ id: post.id }), "NOT_FOUND");
      await expectRefused(app.db, () => other.as.post.submit({ id: post.id }), "NOT_FOUND");
      await expectRefused(app.db, () => other.as.post.delete({ id: post.id }), "NOT_FOUND");
    }
  });

  it("lists every state in the author's own posts, with its status, and only theirs", async () => {
    const { writer, other } = await blog();
    const mine = await writer.as.post.mine();
    expect(mine.items.map((post) => [post.title, post.status])).toEqual([
      ["Unpublished", "draft"],
      ["Scheduled", "scheduled"],
      ["Pending", "pending"],
      ["Draft", "draft"],
      ["Published", "published"],
    ]);
    expect(titles(await writer.as.post.mine({ status: "scheduled" }))).toEqual(["Scheduled"]);
    expect((await other.as.post.mine()).items).toEqual([]);
  });

  it("counts every status in the admin list, which only admins read", async () => {
    const { app, owner, writer, other } = await blog();
    const found = await owner.as.admin.users({ query: "writer" });
    expect(found.items.map((user) => [user.username, user.postCount])).toEqual([["writer", 5]]);
    await expectRefused(app.db, () => other.as.admin.users({ query: "writer" }), "FORBIDDEN");
    await expectRefused(app.db, () => writer.as.admin.users(), "FORBIDDEN");
  });

  it("publishes a scheduled post by itself when its time comes, with nothing running", async () => {
    const app = await freshApp(dialect);
    await app.addSiteOwner();
    const writer: SignedUp = await app.signUp("writer");
    const soon = new Date(Date.now() + 1500).toISOString();
    const post = await writer.as.post.create({ title: "Soon", content: "c", publishAt: soon });
    expect(post).toMatchObject({ status: "scheduled", publishedAt: soon });
    await expectRefused(app.db, () => app.caller().post.byId({ id: post.id }), "NOT_FOUND");
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
    await expect(app.caller().post.byId({ id: post.id })).resolves.toMatchObject({
      status: "published",
      publishedAt: soon,
    });
    expect(titles(await app.caller().post.list())).toEqual(["Soon"]);
  });

  it("orders the public feed by publication, not by creation", async () => {
    const app = await freshApp(dialect);
    await app.addSiteOwner();
    const writer = await app.signUp("writer");
    const older = await writer.as.post.create({
      title: "Written first",
      content: "c",
      status: "draft",
    });
    await writer.as.post.create({ title: "Written second", content: "c" });
    await writer.as.post.publish({ id: older.id });
    expect(titles(await app.caller().post.list())).toEqual(["Written first", "Written second"]);
  });
});
