// A comment of a post the public may not read does not exist (API.md "Comments", "Roles"): for a
// draft, a pending, a scheduled or an unpublished post, every comment procedure answers
// NOT_FOUND (BAD_REQUEST naming postId when the caller can see the post but it is not
// published), nothing changes, and commentCount never counts them, not even for the post's author.
import { expect, it } from "vitest";
import type { Post } from "../shared/shapes.js";
import { type Caller, describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";
import { commentScene, expectRefusedNaming, signUpAs } from "./test-scene.js";

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describeEachDialect("comments of posts the public may not read", (dialect) => {
  it("are NOT_FOUND in every procedure while the post is unpublished, pending or scheduled", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const editor = await signUpAs(app, "editor", "editor");
    const top = await reader.as.comment.create({ postId, body: "Top" });
    const reply = await writer.as.comment.create({ postId, parentId: top.id, body: "Reply" });

    const moves: [string, (as: Caller) => Promise<Post>][] = [
      ["unpublished", (as) => as.post.unpublish({ id: postId })],
      ["pending", (as) => as.post.submit({ id: postId })],
      ["scheduled", (as) => as.post.publish({ id: postId, publishAt: inAnHour() })],
    ];
    for (const [state, move] of moves) {
      const moved = await move(writer.as);
      expect(moved.commentCount, state).toBe(0);
      await expectRefused(app.db, () => app.caller().comment.list({ postId }), "NOT_FOUND");
      for (const someone of [reader, writer, editor]) {
        await expectRefused(app.db, () => someone.as.comment.delete({ id: reply.id }), "NOT_FOUND");
        await expectRefused(
          app.db,
          () => someone.as.comment.update({ id: top.id, body: "Edit" }),
          "NOT_FOUND",
        );
      }
      // Someone who may not see the post: it does not exist; its author and editors see it.
      await expectRefused(
        app.db,
        () => reader.as.comment.create({ postId, body: "Hello?" }),
        "NOT_FOUND",
      );
      for (const someone of [writer, editor]) {
        await expectRefusedNaming(
          app,
          () => someone.as.comment.create({ postId, parentId: top.id, body: "Hello?" }),
          "postId",
        );
      }
      expect((await writer.as.post.preview({ id: postId })).commentCount).toBe(0);
      expect((await writer.as.post.mine()).items[0]?.commentCount).toBe(0);
      if (state === "pending") {
        expect((await editor.as.post.review()).items[0]?.commentCount).toBe(0);
      }
    }
    // Published again: the comments are back, as they were.
    await writer.as.post.publish({ id: postId });
    expect((await app.caller().comment.list({ postId })).items).toEqual([top, reply]);
    expect((await app.caller().post.byId({ id: postId })).commentCount).toBe(2);
  });

  it("take no comment on a draft: BAD_REQUEST naming postId for its author, NOT_FOUND for others", async () => {
    const app = await freshApp(dialect);
    const { writer, reader } = await commentScene(app);
    const draft = await writer.as.post.create({ title: "D", content: "d", status: "draft" });
    await expectRefusedNaming(
      app,
      () => writer.as.comment.create({ postId: draft.id, body: "Note to self" }),
      "postId",
    );
    await expectRefused(
      app.db,
      () => reader.as.comment.create({ postId: draft.id, body: "Hi" }),
      "NOT_FOUND",
    );
    await expectRefused(app.db, () => app.caller().comment.list({ postId: draft.id }), "NOT_FOUND");
    expect(draft.commentCount).toBe(0);
  });
});
