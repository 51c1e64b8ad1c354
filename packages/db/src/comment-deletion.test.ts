// The placeholder rules of API.md "Comments", below the API: one comment at a time, a whole
// account's comments at once, and a post taking its comments with it.

import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { deleteComment } from "./comment-deletion.js";
import { insertComment } from "./comments.js";
import { deletePost } from "./posts.js";
import type { Database } from "./schema.js";
import { insertPostRow, insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";
import { deleteUser } from "./users.js";

async function setUp(dialect: Parameters<typeof openTestDb>[0]) {
  const { db } = await openTestDb(dialect);
  const [ann, bob, cid] = await Promise.all(
    ["ann", "bob", "cid"].map(async (name) => (await insertUserRow(db, name)).id),
  );
  const postId = (await insertPostRow(db, ann ?? 0)).id;
  let minute = 0;
  const comment = (authorId: number, parentId: number | null = null) => {
    minute += 1;
    const createdAt = `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`;
    return insertComment(db, { postId, parentId, authorId, body: `by ${authorId}`, createdAt });
  };
  return { db, ann: ann ?? 0, bob: bob ?? 0, cid: cid ?? 0, postId, comment };
}

/** Every stored comment as [id, author or null, deleted?], in order. */
async function stored(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("comments")
    .select(["id", "author_id", "body", "deleted_at"])
    .orderBy("id")
    .execute();
  return rows.map((row) => [row.id, row.author_id, row.deleted_at !== null, row.body === ""]);
}

describeEachDialect("deleting comments", (dialect) => {
  it("removes a comment without replies, and keeps one with replies as an empty placeholder", async () => {
    const { db, ann, bob, comment } = await setUp(dialect);
    const alone = await comment(ann);
    const answered = await comment(ann);
    const reply = await comment(bob, answered);
    expect(await deleteComment(db, alone)).toBe(true);
    expect(await deleteComment(db, answered)).toBe(true);
    expect(await stored(db)).toEqual([
      [answered, null, true, true],
      [reply, bob, false, false],
    ]);
    // Deleted already: nothing to delete again.
    expect(await deleteComment(db, answered)).toBe(false);
    expect(await deleteComment(db, alone)).toBe(false);
  });

  it("removes a placeholder with its last reply, not before", async () => {
    const { db, ann, bob, cid, comment } = await setUp(dialect);
    const top = await comment(ann);
    const first = await comment(bob, top);
    const second = await comment(cid, top);
    await deleteComment(db, top);
    await deleteComment(db, first);
    expect(await stored(db)).toEqual([
      [top, null, true, true],
      [second, cid, false, false],
    ]);
    await deleteComment(db, second);
    expect(await stored(db)).toEqual([]);
  });

  it("deletes an account's comments as one by one: placeholders where others answered", async () => {
    const { db, ann, bob, cid, comment } = await setUp(dialect);
    await comment(bob); // alone: gone
    const bobsAnswered = await comment(bob);
    const cidsAnswer = await comment(cid, bobsAnswered);
    await comment(bob, bobsAnswered); // his own reply: gone
    const annsTop = await comment(ann);
    await comment(bob, annsTop); // his reply to Ann: gone
    // A placeholder answered by Bob alone goes with his answers; one answered by Cid stays.
    const gone = await comment(ann);
    await comment(bob, gone);
    await deleteComment(db, gone);
    const kept = await comment(ann);
    await comment(bob, kept);
    const cidsKept = await comment(cid, kept);
    await deleteComment(db, kept);

    expect(await deleteUser(db, bob)).toBe(true);
    expect(await stored(db)).toEqual([
      [bobsAnswered, null, true, true],
      [cidsAnswer, cid, false, false],
      [annsTop, ann, false, false],
      [kept, null, true, true],
      [cidsKept, cid, false, false],
    ]);
  });

  it("takes a post's comments with it, placeholders and replies included", async () => {
    const { db, ann, bob, postId, comment } = await setUp(dialect);
    const top = await comment(ann);
    await comment(bob, top);
    await deleteComment(db, top);
    await comment(bob);
    expect(await deletePost(db, postId)).toBe(true);
    expect(await stored(db)).toEqual([]);
  });
});
