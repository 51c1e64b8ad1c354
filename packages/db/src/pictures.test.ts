// The picture queries on both dialects: one picture per user, replaced whole, gone with its user.
import { expect, it } from "vitest";
import { findPictureBytes, removeUserPicture, replaceUserPicture } from "./pictures.js";
import { insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));
const picture = (id: string, text = id) => ({
  id,
  url: `/pictures/${id}.webp`,
  bytes: bytesOf(text),
});

describeEachDialect("picture queries", (dialect) => {
  it("stores the bytes and points users.image_url at them", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const user = await replaceUserPicture(db, alice.id, picture("first"));
    expect(user?.image_url).toBe("/pictures/first.webp");
    expect(Buffer.from((await findPictureBytes(db, "first")) ?? [])).toEqual(Buffer.from("first"));
  });

  it("replaces the old bytes, so the old id finds nothing", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    await replaceUserPicture(db, alice.id, picture("first"));
    await replaceUserPicture(db, alice.id, picture("second"));
    expect(await findPictureBytes(db, "first")).toBeUndefined();
    expect(await db.selectFrom("pictures").select(["id", "user_id"]).execute()).toEqual([
      { id: "second", user_id: alice.id },
    ]);
  });

  it("keeps one row per user when two uploads race", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    await Promise.all(["a", "b", "c"].map((id) => replaceUserPicture(db, alice.id, picture(id))));
    const rows = await db.selectFrom("pictures").select("id").execute();
    const user = await db.selectFrom("users").select("image_url").executeTakeFirstOrThrow();
    expect(rows).toHaveLength(1);
    expect(user.image_url).toBe(`/pictures/${rows[0]?.id}.webp`);
  });

  it("removes the picture and clears the URL, also when there was none", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    expect((await removeUserPicture(db, alice.id))?.image_url).toBeNull();
    await replaceUserPicture(db, alice.id, picture("first"));
    expect((await removeUserPicture(db, alice.id))?.image_url).toBeNull();
    expect(await findPictureBytes(db, "first")).toBeUndefined();
  });

  it("deletes the picture with its user (ON DELETE CASCADE), leaving others'", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const bob = await insertUserRow(db, "bob");
    await replaceUserPicture(db, alice.id, picture("alices"));
    await replaceUserPicture(db, bob.id, picture("bobs"));
    await db.deleteFrom("users").where("id", "=", alice.id).execute();
    expect(await findPictureBytes(db, "alices")).toBeUndefined();
    expect(await findPictureBytes(db, "bobs")).toBeDefined();
  });

  it("stores nothing for a user who does not exist", async () => {
    const { db } = await openTestDb(dialect);
    expect(await replaceUserPicture(db, 999_999, picture("orphan"))).toBeUndefined();
    expect(await db.selectFrom("pictures").selectAll().execute()).toEqual([]);
  });
});
