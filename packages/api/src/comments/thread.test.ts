// Two levels and placeholders (API.md "Comments"): what may be answered, what a deletion leaves,
// and what goes with a post or an account.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";
import { commentScene, expectRefusedNaming } from "./test-scene.js";

const placeholderOf = (comment: { id: number; postId: number; createdAt: string }) => ({
  id: comment.id,
  postId: comment.postId,
  parentId: null,
  body: "",
  author: null,
  createdAt: comment.createdAt,
  editedAt: null,
  deleted: true,
});

describeEachDialect("comment threads", (dialect) => {
  it("refuses to answer a reply, a deleted comment, another post's or a missing one, naming parentId", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const other = await writer.as.post.create({ title: "Other", content: "Elsewhere" });
    const top = await reader.as.comment.create({ postId, body: "Top" });
    const reply = await writer.as.comment.create({ postId, parentId: top.id, body: "Reply" });
    const elsewhere = await reader.as.comment.create({ postId: other.id, body: "There" });
    const gone = await reader.as.comment.create({ postId, body: "Gone" });
    await reader.as.comment.delete({ id: gone.id });
    for (const parentId of [reply.id, gone.id, elsewhere.id, 999_999]) {
      await expectRefusedNaming(
        app,
        () => reader.as.comment.create({ postId, parentId, body: "Hm" }),
        "parentId",
      );
    }
  });

  it("keeps a deleted comment that has replies as a placeholder, and removes one without", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const answered = await reader.as.comment.create({ postId, body: "Answered" });
    const reply = await writer.as.comment.create({ postId, parentId: answered.id, body: "Yes" });
    const alone = await reader.as.comment.create({ postId, body: "Alone" });
    await reader.as.comment.delete({ id: answered.id });
    await reader.as.comment.delete({ id: alone.id });
    const { items } = await app.caller().comment.list({ postId });
    expect(items).toEqual([placeholderOf(answered), reply]);
    expect((await app.caller().post.byId({ id: postId })).commentCount).toBe(1);
  });

  it("cannot edit, delete again or answer a placeholder or a removed comment", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const placeholder = await reader.as.comment.create({ postId, body: "Answered" });
    await writer.as.comment.create({ postId, parentId: placeholder.id, body: "Yes" });
    const removed = await reader.as.comment.create({ postId, body: "Alone" });
    await reader.as.comment.delete({ id: placeholder.id });
    await reader.as.comment.delete({ id: removed.id });
    for (const { id } of [placeholder, removed]) {
      await expectRefused(
        app.db,
        () => reader.as.comment.update({ id, body: "Back" }),
        "NOT_FOUND",
      );
      await expectRefused(app.db, () => reader.as.comment.delete({ id }), "NOT_FOUND");
      await expectRefused(app.db, () => writer.as.comment.delete({ id }), "NOT_FOUND");
      await expectRefusedNaming(
        app,
        () => writer.as.comment.create({ postId, parentId: id, body: "Hello?" }),
        "parentId",
      );
    }
  });

  it("removes a placeholder with its last reply", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const top = await reader.as.comment.create({ postId, body: "Top" });
    const first = await writer.as.comment.create({ postId, parentId: top.id, body: "1" });
    const second = await reader.as.comment.create({ postId, parentId: top.id, body: "2" });
    await reader.as.comment.delete({ id: top.id });
    await writer.as.comment.delete({ id: first.id });
    expect((await app.caller().comment.list({ postId })).items).toEqual([
      placeholderOf(top),
      second,
    ]);
    await reader.as.comment.delete({ id: second.id });
    expect((await app.caller().comment.list({ postId })).items).toEqual([]);
  });

  it("deletes a post's comments with the post", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const top = await reader.as.comment.create({ postId, body: "Top" });
    await writer.as.comment.create({ postId, parentId: top.id, body: "Reply" });
    await writer.as.post.delete({ id: postId });
    expect(await app.db.selectFrom("comments").selectAll().execute()).toEqual([]);
  });

  it("deletes an account's comments as comment.delete does: placeholders where others answered", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const answered = await reader.as.comment.create({ postId, body: "Answered" });
    const answer = await writer.as.comment.create({ postId, parentId: answered.id, body: "Yes" });
    await reader.as.comment.create({ postId, body: "Alone" });
    const writersTop = await writer.as.comment.create({ postId, body: "Mine" });
    await reader.as.comment.create({ postId, parentId: writersTop.id, body: "Reply" });
    await reader.as.user.delete({ id: reader.id });
    expect((await app.caller().comment.list({ postId })).items).toEqual([
      placeholderOf(answered),
      answer,
      writersTop,
    ]);
    expect((await app.caller().post.byId({ id: postId })).commentCount).toBe(2);
  });
});
