// A comment racing what it rests on: the post unpublished, the parent deleted or the account
// deleted between the check and the write. Each is refused as if it had come first, and no
// comment is left behind.
import { type Database, setPostStatus } from "@folio/db";
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { createContextInner } from "../context.js";
import { createCaller } from "../root.js";
import { fieldErrorsOf } from "../shared/errors.js";
import { unlimited } from "../shared/rate-limits.js";
import {
  describeEachDialect,
  freshApp,
  type SignedUp,
  TEST_AUTH,
} from "../test-support/harness.js";
import { createTestMail } from "../test-support/mail-outbox.js";
import { commentScene } from "./test-scene.js";

/** `db` whose transactions first run `hook`: after the checks, just before the write. */
function beforeTransaction(db: Kysely<Database>, hook: () => Promise<void>): Kysely<Database> {
  return new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "transaction") return typeof value === "function" ? value.bind(target) : value;
      return () => {
        const builder = target.transaction();
        return {
          execute: async (work: Parameters<typeof builder.execute>[0]) => {
            await hook();
            return builder.execute(work);
          },
        };
      };
    },
  });
}

function callerWith(db: Kysely<Database>, person: SignedUp) {
  const context = { db, auth: TEST_AUTH, limits: unlimited, mail: createTestMail(db).mail };
  return createCaller(createContextInner({ ...context, bearerToken: person.token }));
}

describeEachDialect("comments racing their post, parent or author", (dialect) => {
  it("refuses a comment on a post unpublished just before the write: NOT_FOUND, nothing written", async () => {
    const app = await freshApp(dialect);
    const { reader, postId } = await commentScene(app);
    const db = beforeTransaction(app.db, async () => {
      await setPostStatus(app.db, postId, "draft", null);
    });
    await expect(
      callerWith(db, reader).comment.create({ postId, body: "Too late" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await app.db.selectFrom("comments").selectAll().execute()).toEqual([]);
  });

  it("refuses a reply whose parent was deleted just before the write, naming parentId", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const parent = await writer.as.comment.create({ postId, body: "Going" });
    const db = beforeTransaction(app.db, async () => {
      await writer.as.comment.delete({ id: parent.id });
    });
    const refusal = await callerWith(db, reader)
      .comment.create({ postId, parentId: parent.id, body: "Wait" })
      .catch((error: { code: string; cause: unknown }) => error);
    expect(refusal).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      Object.keys(fieldErrorsOf((refusal as { cause: unknown }).cause)?.fieldErrors ?? {}),
    ).toEqual(["parentId"]);
    expect(await app.db.selectFrom("comments").selectAll().execute()).toEqual([]);
  });

  it("answers UNAUTHORIZED, not a 500, when the author is deleted just before the write", async () => {
    const app = await freshApp(dialect);
    const { writer, reader, postId } = await commentScene(app);
    const db = beforeTransaction(app.db, async () => {
      await app.db.deleteFrom("users").where("id", "=", reader.id).execute();
    });
    await expect(
      callerWith(db, reader).comment.create({ postId, body: "Bye" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await app.db.selectFrom("comments").selectAll().execute()).toEqual([]);
    expect((await writer.as.post.preview({ id: postId })).commentCount).toBe(0);
  });
});
