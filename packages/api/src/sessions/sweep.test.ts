// Expired sessions are deleted at start and then on every tick, so the table cannot grow
// without end; the timers are the test's own (no waiting on a clock).
import { afterEach, expect, it, vi } from "vitest";
import { describeEachDialect, freshApp, type TestApp } from "../test-support/harness.js";
import { startSessionSweep } from "./sweep.js";

afterEach(() => vi.useRealTimers());

async function expireSession(app: TestApp, id: string) {
  await app.db
    .updateTable("sessions")
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where("id", "=", id)
    .execute();
}

const sessionIds = async (app: TestApp) =>
  (await app.db.selectFrom("sessions").select("id").orderBy("id").execute()).map((r) => r.id);

describeEachDialect("session sweep", (dialect) => {
  it("deletes expired sessions at start and periodically, keeping live ones, until stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const app = await freshApp(dialect);
    const live = await app.signUp("alice");
    const early = await app.logIn("alice");
    const late = await app.logIn("alice");
    const afterStop = await app.logIn("alice");
    await expireSession(app, early.sessionId);

    const swept: number[] = [];
    const sweep = startSessionSweep(app.db, { intervalMs: 60_000, onSwept: (n) => swept.push(n) });
    await sweep.first;
    expect(await sessionIds(app)).toEqual(
      [live.sessionId, late.sessionId, afterStop.sessionId].sort(),
    );

    await expireSession(app, late.sessionId);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(swept).toEqual([1, 1]));
    expect(await sessionIds(app)).toEqual([live.sessionId, afterStop.sessionId].sort());

    sweep.stop();
    await expireSession(app, afterStop.sessionId);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(swept).toEqual([1, 1]);
    expect(await sessionIds(app)).toEqual([live.sessionId, afterStop.sessionId].sort());
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
    const sweep = startSessionSweep(away, { onError: (error) => errors.push(error) });
    await sweep.first;
    sweep.stop();
    expect(errors).toEqual([new Error("the database is away")]);
  });
});
