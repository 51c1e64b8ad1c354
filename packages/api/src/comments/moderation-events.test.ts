// When someone other than its author deletes a comment (the post's author, an editor), the
// comment's author finds it in their security activity; their own deletion records nothing.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { commentScene, signUpAs } from "./test-scene.js";

describeEachDialect("comment moderation in the security log", (dialect) => {
  const deletedByOther = async (as: {
    user: { activity: () => Promise<{ items: { action: string }[] }> };
  }) =>
    (await as.user.activity()).items.filter((event) => event.action === "comment.deleted.by.other");

  it("tells the comment's author when the post's author or an editor deletes it, naming the post", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const editor = await signUpAs(app, "editor", "editor");
    const first = await reader.as.comment.create({ postId, body: "First." });
    const second = await reader.as.comment.create({ postId, body: "Second." });
    await writer.as.comment.delete({ id: first.id });
    await editor.as.comment.delete({ id: second.id });
    const events = (await reader.as.user.activity()).items.filter(
      (event) => event.action === "comment.deleted.by.other",
    );
    expect(events.map((event) => [event.actor?.username, event.target?.label])).toEqual([
      ["editor", "a comment on “A post”"],
      ["writer", "a comment on “A post”"],
    ]);
    // Never the comment's text.
    expect(JSON.stringify(events)).not.toMatch(/First\.|Second\./);
  });

  it("records nothing when the author deletes their own comment", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    const comment = await reader.as.comment.create({ postId, body: "Mine." });
    await reader.as.comment.delete({ id: comment.id });
    expect(await deletedByOther(reader.as)).toEqual([]);
  });
});
