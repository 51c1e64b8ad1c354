// Device sessions through createCaller (ADR 011, API.md "Tokens and sessions"): every rule of
// starting, listing and ending them, on every dialect.
import { expect, it } from "vitest";
import { UNAUTHENTICATED_MESSAGE } from "../shared/errors.js";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectRefused, snapshotDatabase } from "../test-support/snapshot.js";

const refusedToken = (call: Promise<unknown>) =>
  expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED", message: UNAUTHENTICATED_MESSAGE });

describeEachDialect("device sessions", (dialect) => {
  it("starts a session at registration and at every login, each with its own device", async () => {
    const app = await freshApp(dialect);
    const laptop = await app.signUp("alice");
    const phone = await app.logIn("alice", "Phone browser");
    expect(phone.sessionId).not.toBe(laptop.sessionId);
    expect(phone.sessionId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const listed = await phone.as.user.sessions();
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.current)).toMatchObject({
      id: phone.sessionId,
      userAgent: "Phone browser",
    });
    expect(listed.find((s) => !s.current)).toMatchObject({ id: laptop.sessionId, userAgent: null });
    for (const session of listed) {
      expect(new Date(session.createdAt).toISOString()).toBe(session.createdAt);
      expect(session.lastSeenAt.endsWith(":00.000Z")).toBe(true);
      expect(Object.keys(session).sort()).toEqual(
        ["createdAt", "current", "id", "lastSeenAt", "userAgent"].sort(),
      );
    }
  });

  it("keeps the session's expiry equal to its token's", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const row = await app.db
      .selectFrom("sessions")
      .select("expires_at")
      .where("id", "=", alice.sessionId)
      .executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).toISOString()).toBe(alice.session.expiresAt);
  });

  it("lists only the caller's own sessions", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    await app.logIn("bob");
    const listed = await alice.as.user.sessions();
    expect(listed.map((s) => s.id)).toEqual([alice.sessionId]);
    expect((await bob.as.user.sessions()).map((s) => s.current).sort()).toEqual([false, true]);
  });

  it("refuses a stolen copy of the token right after its owner logs out, other devices unaffected", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const phone = await app.logIn("alice");
    const thief = app.caller(alice.token);
    await expect(thief.user.me()).resolves.toMatchObject({ id: alice.id });
    await expect(alice.as.auth.logout()).resolves.toEqual({ ok: true });
    await refusedToken(thief.user.me());
    await refusedToken(alice.as.auth.logout());
    expect((await phone.as.user.sessions()).map((s) => s.id)).toEqual([phone.sessionId]);
  });

  it("logs out the other devices only with logoutOthers", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const phone = await app.logIn("alice");
    const tablet = await app.logIn("alice");
    const bob = await app.signUp("bob");
    await expect(alice.as.auth.logoutOthers()).resolves.toEqual({ ok: true });
    await refusedToken(phone.as.user.me());
    await refusedToken(tablet.as.user.me());
    expect((await alice.as.user.sessions()).map((s) => s.id)).toEqual([alice.sessionId]);
    await expect(bob.as.user.me()).resolves.toMatchObject({ id: bob.id });
  });

  it("logs out every device, the calling one included, with logoutAll", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const phone = await app.logIn("alice");
    const bob = await app.signUp("bob");
    await expect(phone.as.auth.logoutAll()).resolves.toEqual({ ok: true });
    await refusedToken(alice.as.user.me());
    await refusedToken(phone.as.user.me());
    await expect(bob.as.user.me()).resolves.toMatchObject({ id: bob.id });
    // Logging in again works: a new session.
    const again = await app.logIn("alice");
    await expect(again.as.user.me()).resolves.toMatchObject({ id: alice.id });
  });

  it("ends one chosen session of the caller's with endSession", async () => {
    const app = await freshApp(dialect);
    const laptop = await app.signUp("alice");
    const phone = await app.logIn("alice");
    const tablet = await app.logIn("alice");
    await expect(laptop.as.auth.endSession({ id: phone.sessionId })).resolves.toEqual({ ok: true });
    await refusedToken(phone.as.user.me());
    await expect(tablet.as.user.me()).resolves.toMatchObject({ id: laptop.id });
    const left = (await laptop.as.user.sessions()).map((s) => s.id).sort();
    expect(left).toEqual([laptop.sessionId, tablet.sessionId].sort());
    // Ending an already ended session is NOT_FOUND, and changes nothing.
    await expectRefused(
      app.db,
      () => laptop.as.auth.endSession({ id: phone.sessionId }),
      "NOT_FOUND",
    );
  });

  it("ends the calling session when endSession names it", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await alice.as.auth.endSession({ id: alice.sessionId });
    await refusedToken(alice.as.user.me());
  });

  it("answers NOT_FOUND for another user's session or a made-up id, and that session still works", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    for (const id of [bob.sessionId, "made-up-session-id-00000000", " "]) {
      const code = id.trim() ? "NOT_FOUND" : "BAD_REQUEST";
      await expectRefused(app.db, () => alice.as.auth.endSession({ id }), code);
    }
    await expect(bob.as.user.me()).resolves.toMatchObject({ id: bob.id });
    expect((await bob.as.user.sessions()).map((s) => s.id)).toEqual([bob.sessionId]);
  });

  it("ends every session on a password change and gives this device a new token", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const phone = await app.logIn("alice");
    const session = await alice.as.user.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "a new password",
    });
    await refusedToken(alice.as.user.me());
    await refusedToken(phone.as.user.me());
    const renewed = app.caller(session.accessToken);
    await expect(renewed.user.me()).resolves.toEqual(session.user);
    const listed = await renewed.user.sessions();
    expect(listed).toHaveLength(1);
    expect(listed[0]?.current).toBe(true);
    expect(listed[0]?.id).not.toBe(alice.sessionId);
  });

  it("ends no session when the current password is wrong", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const phone = await app.logIn("alice");
    await expectRefused(
      app.db,
      () =>
        alice.as.user.changePassword({ currentPassword: "wrong one!", newPassword: "whatever1" }),
      "BAD_REQUEST",
    );
    await expect(phone.as.user.me()).resolves.toMatchObject({ id: alice.id });
  });

  it("refuses a token whose session expired in the database, though the JWT has not", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await app.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1).toISOString() })
      .execute();
    await refusedToken(alice.as.user.me());
  });

  it("deletes the user's sessions with the account", async () => {
    const app = await freshApp(dialect);
    // The owner's account can't be deleted: the site has one already, so this test's are ordinary.
    await app.addSiteOwner();
    const alice = await app.signUp("alice");
    await app.logIn("alice");
    const bob = await app.signUp("bob");
    await alice.as.user.delete({ id: alice.id });
    const { sessions } = await snapshotDatabase(app.db);
    expect(sessions.map((s) => s.id)).toEqual([bob.sessionId]);
  });
});
