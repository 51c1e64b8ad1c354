// Events are kept for the retention period and then deleted, at start and on every tick; the
// timers are the test's own (no waiting on a clock).
import { afterEach, expect, it, vi } from "vitest";
import { describeEachDialect, freshApp, type TestApp } from "../test-support/harness.js";
import { recordEvent } from "./record.js";
import { startAuditRetentionSweep, sweepOldAuditEvents } from "./retention.js";

afterEach(() => vi.useRealTimers());

const DAY = 24 * 60 * 60;

async function eventAged(app: TestApp, days: number, username: string) {
  const at = new Date(Date.now() - days * DAY * 1000);
  await app.db.transaction().execute((trx) =>
    recordEvent(trx, {
      action: "login.succeeded",
      actor: null,
      subject: { id: 1, username },
      origin: null,
      at,
    }),
  );
}

const kept = async (app: TestApp) =>
  (await app.db.selectFrom("audit_events").select("subject_username").orderBy("id").execute()).map(
    (row) => row.subject_username,
  );

describeEachDialect("audit retention", (dialect) => {
  it("deletes the events older than the retention period and keeps the rest", async () => {
    const app = await freshApp(dialect);
    await eventAged(app, 400, "ancient");
    await eventAged(app, 366, "old");
    await eventAged(app, 364, "recent");
    await eventAged(app, 0, "today");
    expect(await sweepOldAuditEvents(app.db, 365 * DAY)).toBe(2);
    expect(await kept(app)).toEqual(["recent", "today"]);
    expect(await sweepOldAuditEvents(app.db, 7 * DAY)).toBe(1);
    expect(await kept(app)).toEqual(["today"]);
  });

  it("sweeps at start and then periodically, until stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const app = await freshApp(dialect);
    await eventAged(app, 40, "old");
    await eventAged(app, 20, "middle");
    const swept: number[] = [];
    const sweep = startAuditRetentionSweep(app.db, {
      retentionSeconds: 30 * DAY,
      intervalMs: 60_000,
      onSwept: (n) => swept.push(n),
    });
    await sweep.first;
    expect(await kept(app)).toEqual(["middle"]);
    await eventAged(app, 31, "aged meanwhile");
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(swept).toEqual([1, 1]));
    sweep.stop();
    await eventAged(app, 50, "after stop");
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(swept).toEqual([1, 1]);
    expect((await kept(app)).sort()).toEqual(["after stop", "middle"]);
  });

  it("reports a failed sweep to onError instead of throwing", async () => {
    const app = await freshApp(dialect);
    const errors: unknown[] = [];
    const away = app.db.withPlugin({
      transformQuery: () => {
        throw new Error("the database is away");
      },
      transformResult: async ({ result }) => result,
    });
    const sweep = startAuditRetentionSweep(away, { onError: (error) => errors.push(error) });
    await sweep.first;
    sweep.stop();
    expect(errors).toEqual([new Error("the database is away")]);
  });
});
