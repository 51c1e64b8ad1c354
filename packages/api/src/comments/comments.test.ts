// comment.create / update / list: who writes, what is stored, what the list shows, the limit.
import { expect, it } from "vitest";
import { createRateLimits } from "../shared/rate-limits.js";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectHttpRefused, expectRefused } from "../test-support/snapshot.js";
import { commentScene, expectRefusedNaming } from "./test-scene.js";

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const publicUser = (user: {
  id: number;
  username: string;
  imageUrl: string | null;
  createdAt: string;
}) => ({
  id: user.id,
  username: user.username,
  imageUrl: user.imageUrl,
  createdAt: user.createdAt,
});

describeEachDialect("comments", (dialect) => {
  it("writes a comment and a reply as the caller, trimmed, and lists them oldest first", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const top = await reader.as.comment.create({ postId, body: "  Nice **post**  " });
    expect(top).toEqual({
      id: expect.any(Number),
      postId,
      parentId: null,
      body: "Nice **post**",
      author: publicUser(reader.session.user),
      createdAt: expect.stringMatching(ISO_UTC),
      editedAt: null,
      deleted: false,
    });
    const reply = await writer.as.comment.create({ postId, parentId: top.id, body: "Thanks" });
    expect(reply).toMatchObject({ parentId: top.id, author: publicUser(writer.session.user) });
    const later = await writer.as.comment.create({ postId, parentId: null, body: "Also" });
    const page = await app.caller().comment.list({ postId });
    expect(page).toEqual({ items: [top, reply, later], nextCursor: null });
    expect((await app.caller().post.byId({ id: postId })).commentCount).toBe(3);
  });

  it("refuses a body that is empty, blank or over 5,000 characters, naming body", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    for (const body of ["", "  \n ", "x".repeat(5_001)]) {
      await expectRefusedNaming(app, () => reader.as.comment.create({ postId, body }), "body");
    }
    const longest = await reader.as.comment.create({ postId, body: "x".repeat(5_000) });
    await expectRefusedNaming(
      app,
      () => reader.as.comment.update({ id: longest.id, body: " " }),
      "body",
    );
  });

  it("refuses an author id or any unknown key over HTTP, naming it, writing nothing", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const error = await expectHttpRefused(
      app.db,
      () =>
        app.http(
          "comment.create",
          { postId, body: "hi", authorId: writer.id },
          { token: reader.token },
        ),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["authorId"]);
  });

  it("lets the author edit their words: trimmed, editedAt set, the rest unchanged", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    const comment = await reader.as.comment.create({ postId, body: "Frist" });
    const edited = await reader.as.comment.update({ id: comment.id, body: " First " });
    expect(edited).toEqual({ ...comment, body: "First", editedAt: expect.stringMatching(ISO_UTC) });
    expect((await app.caller().comment.list({ postId })).items).toEqual([edited]);
  });

  it("answers a post or comment that does not exist with NOT_FOUND, writing nothing", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    const comment = await reader.as.comment.create({ postId, body: "Here" });
    const missingPost = postId + 99;
    await expectRefused(
      app.db,
      () => app.caller().comment.list({ postId: missingPost }),
      "NOT_FOUND",
    );
    await expectRefused(
      app.db,
      () => reader.as.comment.create({ postId: missingPost, body: "Anyone?" }),
      "NOT_FOUND",
    );
    for (const id of [comment.id + 99, 999_999]) {
      await expectRefused(app.db, () => reader.as.comment.update({ id, body: "x" }), "NOT_FOUND");
      await expectRefused(app.db, () => reader.as.comment.delete({ id }), "NOT_FOUND");
    }
  });

  it("limits comments per account (RATE_LIMIT_COMMENT_USER) with retryAfterSeconds; others may comment", async () => {
    const limits = createRateLimits({
      loginPerIp: 0,
      loginPerAccount: 0,
      registerPerIp: 0,
      commentPerUser: 2,
    });
    const app = await freshApp(dialect, limits);
    const { writer, reader, postId } = await commentScene(app);
    await reader.as.comment.create({ postId, body: "one" });
    const second = await reader.as.comment.create({ postId, body: "two" });
    // Edits and deletions are not comments: they do not count.
    await reader.as.comment.update({ id: second.id, body: "two, edited" });
    const error = await expectHttpRefused(
      app.db,
      () => app.http("comment.create", { postId, body: "three" }, { token: reader.token }),
      "TOO_MANY_REQUESTS",
    );
    expect(error.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.data.retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
    await expect(writer.as.comment.create({ postId, body: "mine" })).resolves.toBeDefined();
    expect((await app.caller().comment.list({ postId })).items).toHaveLength(3);
  });
});
