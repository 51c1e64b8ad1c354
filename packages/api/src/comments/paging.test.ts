// comment.list pages oldest first with a signed keyset cursor (limit 1–100, 50 by default), and
// every post answer carries commentCount.
import { expect, it } from "vitest";
import type { Comment } from "../shared/shapes.js";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";
import { commentScene, expectRefusedNaming } from "./test-scene.js";

describeEachDialect("comment pages", (dialect) => {
  it("pages oldest first, never repeating or skipping while comments are added", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    const written: Comment[] = [];
    for (let i = 1; i <= 5; i++) {
      written.push(await reader.as.comment.create({ postId, body: `Comment ${i}` }));
    }
    const list = (cursor?: string | null) =>
      app.caller().comment.list({ postId, limit: 2, cursor });
    const first = await list();
    expect(first.items).toEqual(written.slice(0, 2));
    written.push(await reader.as.comment.create({ postId, body: "Comment 6" }));
    const second = await list(first.nextCursor);
    const third = await list(second.nextCursor);
    expect([...first.items, ...second.items, ...third.items]).toEqual(written);
    expect(third.nextCursor).toBeNull();
  });

  it("shows 50 by default and at most 100, and refuses another limit or a forged cursor", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    for (let i = 1; i <= 51; i++) await reader.as.comment.create({ postId, body: `c${i}` });
    const page = await app.caller().comment.list({ postId });
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
    expect((await app.caller().comment.list({ postId, limit: 100 })).items).toHaveLength(51);
    for (const limit of [0, 101]) {
      await expectRefusedNaming(app, () => app.caller().comment.list({ postId, limit }), "limit");
    }
    await expectRefusedNaming(
      app,
      () => app.caller().comment.list({ postId, cursor: "forged.cursor" }),
      "cursor",
    );
  });

  it("counts a post's comments that are not deleted on every post procedure", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const quiet = await writer.as.post.create({ title: "Quiet", content: "No one here" });
    const top = await reader.as.comment.create({ postId, body: "Top" });
    await writer.as.comment.create({ postId, parentId: top.id, body: "Reply" });
    await reader.as.comment.create({ postId, body: "Another" });
    await reader.as.comment.delete({ id: top.id });
    const counts = (posts: { id: number; commentCount: number }[]) =>
      Object.fromEntries(posts.map((post) => [post.id, post.commentCount]));
    const expected = { [postId]: 2, [quiet.id]: 0 };
    const anyone = app.caller();
    expect(counts((await anyone.post.list()).items)).toEqual(expected);
    expect(counts((await anyone.post.byUser({ userId: writer.id })).items)).toEqual(expected);
    expect(counts((await writer.as.post.mine()).items)).toEqual(expected);
    expect((await anyone.post.byId({ id: postId })).commentCount).toBe(2);
    expect((await writer.as.post.preview({ id: postId })).commentCount).toBe(2);
    expect((await writer.as.post.update({ id: postId, title: "Renamed" })).commentCount).toBe(2);
    await expectRefused(app.db, () => anyone.post.byId({ id: postId + 99 }), "NOT_FOUND");
  });
});
