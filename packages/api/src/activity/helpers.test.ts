// The helpers other capabilities call: comment.delete (comments branch) and the owner command
// line record their events in the caller's transaction, and only when someone else acted.
import { expect, it } from "vitest";
import { allEvents } from "../test-support/activity-world.js";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { recordOwnerTransferredByCommandLine } from "./command-line.js";
import { recordCommentDeletedByOther } from "./moderation.js";

const alice = { id: 1, username: "alice" };
const bob = { id: 2, username: "bob" };
const origin = { ip: "203.0.113.7", userAgent: "Browser" };

describeEachDialect("activity helpers", (dialect) => {
  it("records comment.deleted.by.other for the comment's author, never its text", async () => {
    const app = await freshApp(dialect);
    await app.db.transaction().execute(async (trx) => {
      const comment = { id: 7, author: alice, postTitle: "Bob's post" };
      await recordCommentDeletedByOther(trx, bob, comment, origin);
      // The author deleting their own comment is not moderation: nothing is recorded.
      await recordCommentDeletedByOther(trx, alice, comment, origin);
    });
    const events = await allEvents(app);
    expect(events).toEqual([
      expect.objectContaining({
        action: "comment.deleted.by.other",
        actor: bob,
        subject: alice,
        target: { type: "comment", id: "7", label: "a comment on “Bob's post”" },
        ip: "203.0.113.7",
      }),
    ]);
  });

  it("writes nothing when the transaction it was part of rolls back", async () => {
    const app = await freshApp(dialect);
    await expect(
      app.db.transaction().execute(async (trx) => {
        await recordOwnerTransferredByCommandLine(trx, bob, alice);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await allEvents(app)).toEqual([]);
  });

  it("records the command line's owner.transferred with no actor and no origin", async () => {
    const app = await freshApp(dialect);
    await app.db
      .transaction()
      .execute((trx) => recordOwnerTransferredByCommandLine(trx, bob, alice));
    const [event] = await allEvents(app);
    expect(event).toMatchObject({
      action: "owner.transferred",
      actor: null,
      subject: bob,
      target: { type: "user", id: "1", label: "alice" },
      ip: null,
      userAgent: null,
    });
  });
});
