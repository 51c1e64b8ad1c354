// Rules the database itself enforces, whatever code writes to it.
import { expect, it } from "vitest";
import { isForeignKeyViolation } from "./foreign-key-violation.js";
import { insertPostRow, insertUserRow } from "./test-support/rows.js";
import { describeEachDialect, openTestDb } from "./test-support/test-db.js";
import { uniqueViolationField } from "./unique-violation.js";

async function failure(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => {
      throw new Error("The write succeeded");
    },
    (error: unknown) => error,
  );
}

describeEachDialect("database constraints", (dialect) => {
  it("deletes a user's posts with the user (ON DELETE CASCADE), leaving others' posts", async () => {
    const { db } = await openTestDb(dialect);
    const alice = await insertUserRow(db, "alice");
    const bob = await insertUserRow(db, "bob");
    await insertPostRow(db, alice.id);
    await insertPostRow(db, alice.id);
    const bobsPost = await insertPostRow(db, bob.id);
    await db.deleteFrom("users").where("id", "=", alice.id).execute();
    const posts = await db.selectFrom("posts").select(["id", "author_id"]).execute();
    expect(posts).toEqual([{ id: bobsPost.id, author_id: bob.id }]);
  });

  it("refuses a username that differs only in case, as a username violation", async () => {
    const { db } = await openTestDb(dialect);
    await insertUserRow(db, "Alice", "one@x.test");
    const error = await failure(insertUserRow(db, "aLICE", "two@x.test"));
    expect(uniqueViolationField(error)).toBe("username");
    expect(await db.selectFrom("users").select("username").execute()).toEqual([
      { username: "Alice" },
    ]);
  });

  it("refuses a duplicate email, as an email violation", async () => {
    const { db } = await openTestDb(dialect);
    await insertUserRow(db, "alice", "same@x.test");
    const error = await failure(insertUserRow(db, "bob", "same@x.test"));
    expect(uniqueViolationField(error)).toBe("email");
  });

  it("refuses a post whose author does not exist (foreign keys are on)", async () => {
    const { db } = await openTestDb(dialect);
    const error = await failure(insertPostRow(db, 999_999));
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(uniqueViolationField(error)).toBeNull();
    expect(await db.selectFrom("posts").selectAll().execute()).toEqual([]);
  });
});
