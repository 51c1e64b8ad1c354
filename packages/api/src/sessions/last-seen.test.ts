// "Last seen" costs at most one write per session per minute (API.md), proven by counting the
// statements protected calls send to the database, with the clock set by the test.
import type { KyselyPlugin, RootOperationNode } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import { createContextInner } from "../context.js";
import { createCaller } from "../root.js";
import { unlimited } from "../shared/rate-limits.js";
import { describeEachDialect, freshApp, TEST_AUTH } from "../test-support/harness.js";

/** Counts statements by kind (SelectQueryNode, UpdateQueryNode, …) as Kysely compiles them. */
function statementCounter() {
  const counts = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }: { node: RootOperationNode }) {
      counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const take = () => {
    const snapshot = Object.fromEntries(counts);
    counts.clear();
    return snapshot;
  };
  return { plugin, take };
}

afterEach(() => vi.useRealTimers());

describeEachDialect("last seen", (dialect) => {
  it("writes last_seen_at at most once a minute per session, however many calls", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:10.000Z"));
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const counter = statementCounter();
    const db = app.db.withPlugin(counter.plugin);
    const as = createCaller(
      createContextInner({
        db,
        auth: TEST_AUTH,
        limits: unlimited,
        mail: app.mail.mail,
        bearerToken: alice.token,
      }),
    );
    const lastSeen = async () =>
      (await app.caller(alice.token).user.sessions()).find((s) => s.current)?.lastSeenAt;

    for (const second of [10, 20, 40, 59]) {
      vi.setSystemTime(new Date(`2026-12-01T10:00:${second}.000Z`));
      await as.user.me();
    }
    // One select per call (user and session in one join), no write: the minute is current.
    expect(counter.take()).toEqual({ SelectQueryNode: 4 });
    expect(await lastSeen()).toBe("2026-12-01T10:00:00.000Z");

    for (const second of [5, 6, 30, 59]) {
      vi.setSystemTime(new Date(`2026-12-01T10:01:${second.toString().padStart(2, "0")}.000Z`));
      await as.user.me();
    }
    // The session's minute and its account's last-seen time (the admin list), once a minute.
    expect(counter.take()).toEqual({ SelectQueryNode: 4, UpdateQueryNode: 2 });
    expect(await lastSeen()).toBe("2026-12-01T10:01:00.000Z");

    vi.setSystemTime(new Date("2026-12-01T10:07:30.000Z"));
    await Promise.all([as.user.me(), as.user.me(), as.post.list()]);
    const counts = counter.take();
    // Two protected calls may both see the old minute; the conditional update writes once, and
    // only the call whose update wrote moves the account's time too.
    expect(counts.SelectQueryNode).toBe(3);
    expect(counts.UpdateQueryNode ?? 0).toBeLessThanOrEqual(3);
    expect(counts.UpdateQueryNode ?? 0).toBeGreaterThanOrEqual(1);
    expect(await lastSeen()).toBe("2026-12-01T10:07:00.000Z");
  });

  it("counts no session write on a refused token (control: the counter sees statements)", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await alice.as.auth.logout();
    const counter = statementCounter();
    const db = app.db.withPlugin(counter.plugin);
    const as = createCaller(
      createContextInner({
        db,
        auth: TEST_AUTH,
        limits: unlimited,
        mail: app.mail.mail,
        bearerToken: alice.token,
      }),
    );
    await expect(as.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(counter.take()).toEqual({ SelectQueryNode: 1 });
  });
});
