// Parallel requests on one database: no lost writes, no orphans, clean conflicts.
import { expect, it } from "vitest";
import { createContextInner } from "../context.js";
import { createCaller } from "../root.js";
import { unlimited } from "../shared/rate-limits.js";
import { beforeInsertInto } from "../test-support/db-hooks.js";
import {
  describeEachDialect,
  freshApp,
  TEST_AUTH,
  TEST_PASSWORD,
} from "../test-support/harness.js";
import { createTestMail } from "../test-support/mail-outbox.js";
import { snapshotDatabase } from "../test-support/snapshot.js";

describeEachDialect("concurrency", (dialect) => {
  it("keeps every post when 5 users create 20 posts each in parallel", async () => {
    const app = await freshApp(dialect);
    const users = await Promise.all(
      ["user1", "user2", "user3", "user4", "user5"].map((name) => app.signUp(name)),
    );
    await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 20 }, (_, i) =>
          user.as.post.create({ title: `${user.session.user.username}-${i}`, content: "c" }),
        ),
      ),
    );
    const { posts } = await snapshotDatabase(app.db);
    expect(posts).toHaveLength(100);
    for (const user of users) {
      const page = await app.caller().post.byUser({ userId: user.id, limit: 50 });
      expect(page.items).toHaveLength(20);
      expect(new Set(page.items.map((post) => post.title)).size).toBe(20);
      expect(page.nextCursor).toBeNull();
    }
  });

  it("ends updates and posts racing the account's deletion cleanly, with no orphan post", async () => {
    const app = await freshApp(dialect);
    // The owner's account can't be deleted: the site has one already, so this test's are ordinary.
    const siteOwnerId = await app.addSiteOwner();
    // The interleaving varies from run to run; a few rounds make the bad one likely.
    for (let round = 0; round < 6; round++) {
      const alice = await app.signUp(`alice${round}`);
      await alice.as.post.create({ title: "t", content: "c" });
      const [create, update, removal] = await Promise.allSettled([
        alice.as.post.create({ title: "late", content: "c" }),
        alice.as.user.update({ id: alice.id, username: `renamed${round}` }),
        alice.as.user.delete({ id: alice.id }),
      ]);
      expect(removal).toEqual({ status: "fulfilled", value: { ok: true } });
      for (const outcome of [update, create]) {
        if (outcome.status === "rejected") {
          const { code, cause } = outcome.reason;
          expect(["NOT_FOUND", "UNAUTHORIZED"], String(cause)).toContain(code);
        }
      }
      const { users, ...rest } = await snapshotDatabase(app.db);
      expect(users.map((user) => user.id)).toEqual([siteOwnerId]);
      expect(rest).toEqual({
        posts: [],
        comments: [],
        accountTokens: [],
        sessions: [],
        pictures: [],
        mail: [],
      });
    }
  });

  it("answers UNAUTHORIZED, not a 500, when the author is deleted just before the post is written", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const db = beforeInsertInto(app.db, "posts", async () => {
      await app.db.deleteFrom("users").where("id", "=", alice.id).execute();
    });
    const caller = createCaller(
      createContextInner({
        db,
        auth: TEST_AUTH,
        limits: unlimited,
        mail: createTestMail(app.db).mail,
        bearerToken: alice.token,
      }),
    );
    await expect(caller.post.create({ title: "t", content: "c" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await snapshotDatabase(app.db)).toEqual({
      users: [],
      posts: [],
      comments: [],
      accountTokens: [],
      sessions: [],
      pictures: [],
      mail: [],
    });
  });

  it.each([
    ["username", (i: number) => ({ username: i ? "Racer" : "racer", email: `r${i}@example.com` })],
    ["email", (i: number) => ({ username: `racer${i}`, email: "race@example.com" })],
  ] as const)(
    "lets exactly one of two simultaneous registrations with the same %s win",
    async (field, input) => {
      const app = await freshApp(dialect);
      const [first, second] = await Promise.all(
        [0, 1].map((i) => app.http("auth.register", { ...input(i), password: TEST_PASSWORD })),
      );
      const outcomes = [first, second].map((response) => response?.status).sort();
      expect(outcomes).toEqual([200, 409]);
      const loser = first?.error ?? second?.error;
      expect(loser?.data.code).toBe("CONFLICT");
      expect(Object.keys(loser?.data.zodError?.fieldErrors ?? {})).toEqual([field]);
      expect((await snapshotDatabase(app.db)).users).toHaveLength(1);
    },
  );
});
