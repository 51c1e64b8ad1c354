// The forgotten-password flow through the router, and every way a reset link can be misused.
import { findUserByEmail } from "@folio/db";
import { expect, it } from "vitest";
import { hashAccountToken } from "../shared/account-tokens.js";
import { fieldErrorsOf } from "../shared/errors.js";
import { createRateLimits } from "../shared/rate-limits.js";
import {
  describeEachDialect,
  freshApp,
  TEST_IP,
  TEST_PASSWORD,
  type TestApp,
} from "../test-support/harness.js";
import { tokenInMail } from "../test-support/mail-outbox.js";
import { expectRefused } from "../test-support/snapshot.js";

const NEW_PASSWORD = "a brand new secret";

async function resetTokenFor(app: TestApp, email: string) {
  await app.caller().auth.requestPasswordReset({ email });
  return app.lastToken(email, "password-reset");
}

/** A refusal naming `token` that changes nothing (database snapshot before and after). */
const refusedAsBadToken = async (app: TestApp, token: string) => {
  const error = await expectRefused(
    app.db,
    () => app.caller().auth.resetPassword({ token, newPassword: NEW_PASSWORD }),
    "BAD_REQUEST",
  );
  expect(Object.keys(fieldErrorsOf(error.cause)?.fieldErrors ?? {})).toEqual(["token"]);
};

describeEachDialect("password reset", (dialect) => {
  it("mails a single-use link; the reset ends every session and returns a working new one", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const other = await app.caller().auth.login({ login: "alice", password: TEST_PASSWORD });
    const mail = await (async () => {
      await app.caller().auth.requestPasswordReset({ email: "  Alice@Example.com " });
      return app.lastMail("alice@example.com", "password-reset");
    })();
    expect(mail.subject).toBe("Reset your Folio password");
    expect(mail.text.split("\n")).toContain(
      `http://folio.test/reset-password#token=${tokenInMail(mail)}`,
    );
    expect(mail.html).toContain(
      `href="http://folio.test/reset-password#token=${tokenInMail(mail)}"`,
    );
    const token = tokenInMail(mail);
    // Only the hash is stored.
    const rows = await app.db
      .selectFrom("account_tokens")
      .selectAll()
      .where("kind", "=", "password_reset")
      .execute();
    expect(rows.map((row) => row.token_hash)).toEqual([hashAccountToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const session = await app.caller().auth.resetPassword({ token, newPassword: NEW_PASSWORD });
    expect(session.user).toMatchObject({
      id: alice.id,
      email: "alice@example.com",
      emailVerified: true,
    });
    await expect(app.caller(session.accessToken).user.me()).resolves.toMatchObject({
      id: alice.id,
    });
    for (const old of [alice.token, other.accessToken]) {
      await expect(app.caller(old).user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      app.caller().auth.login({ login: "alice", password: NEW_PASSWORD }),
    ).resolves.toBeDefined();
    const notice = await app.lastMail("alice@example.com", "password-was-reset");
    expect(notice.subject).toBe("Your Folio password was reset");
    expect(notice.text).not.toMatch(/#token=/);
  });

  it("answers an unknown email exactly like a known one, and sends nothing", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    await app.mail.drain();
    const sentBefore = app.mail.outbox.length;
    const known = await app.http("auth.requestPasswordReset", { email: "alice@example.com" });
    const unknown = await app.http("auth.requestPasswordReset", { email: "nobody@example.com" });
    expect(unknown).toEqual(known);
    await app.mail.drain();
    expect(app.mail.outbox.slice(sentBefore).map((mail) => mail.to)).toEqual(["alice@example.com"]);
    const tokens = await app.db
      .selectFrom("account_tokens")
      .select("kind")
      .where("kind", "=", "password_reset")
      .execute();
    expect(tokens).toHaveLength(1);
  });

  it("refuses a used token, a superseded one, an expired one and one with a byte changed", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const first = await resetTokenFor(app, "alice@example.com");
    const second = await resetTokenFor(app, "alice@example.com");
    await refusedAsBadToken(app, first); // superseded by the second
    const flipped = `${second.slice(0, 10)}${second[10] === "A" ? "B" : "A"}${second.slice(11)}`;
    await refusedAsBadToken(app, flipped);
    await refusedAsBadToken(app, "A".repeat(43)); // well-formed, never issued
    await app.caller().auth.resetPassword({ token: second, newPassword: NEW_PASSWORD });
    await refusedAsBadToken(app, second); // used

    const expiring = await resetTokenFor(app, "alice@example.com");
    await app.db
      .updateTable("account_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    await refusedAsBadToken(app, expiring);
  });

  it("refuses a confirmation token as a reset token, and the other way round", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const verifyToken = await app.lastToken("alice@example.com", "verify-email");
    await refusedAsBadToken(app, verifyToken);
    const resetToken = await resetTokenFor(app, "alice@example.com");
    await expectRefused(
      app.db,
      () => app.caller().auth.verifyEmail({ token: resetToken }),
      "BAD_REQUEST",
    );
  });

  it("changes only the account a token was issued for, whoever sends it", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    const bobsToken = await resetTokenFor(app, "bob@example.com");
    // Alice, logged in, uses Bob's link: it resets Bob's password, not hers.
    const session = await app
      .caller(alice.token)
      .auth.resetPassword({ token: bobsToken, newPassword: NEW_PASSWORD });
    expect(session.user.id).toBe(bob.id);
    await expect(app.caller(alice.token).user.me()).resolves.toMatchObject({ id: alice.id });
    await expect(
      app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
    ).resolves.toBeDefined();
    // And Alice's own outstanding link was not touched by it.
    const alicesToken = await resetTokenFor(app, "alice@example.com");
    await expect(
      app.caller().auth.resetPassword({ token: alicesToken, newPassword: NEW_PASSWORD }),
    ).resolves.toMatchObject({ user: { id: alice.id } });
  });

  it("lets exactly one of two racing resets with the same token win", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const token = await resetTokenFor(app, "alice@example.com");
    const outcomes = await Promise.allSettled([
      app.caller().auth.resetPassword({ token, newPassword: "first racer's password" }),
      app.caller().auth.resetPassword({ token, newPassword: "second racer's password" }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome) => outcome.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(lost[0]?.reason).toMatchObject({ code: "BAD_REQUEST" });
    const winner =
      outcomes[0]?.status === "fulfilled" ? "first racer's password" : "second racer's password";
    const loser = winner.startsWith("first") ? "second racer's password" : "first racer's password";
    await expect(
      app.caller().auth.login({ login: "alice", password: winner }),
    ).resolves.toBeDefined();
    await expect(
      app.caller().auth.login({ login: "alice", password: loser }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("counts both limits for unknown addresses too, refusing with 429 and Retry-After", async () => {
    const limits = createRateLimits({
      loginPerIp: 0,
      loginPerAccount: 0,
      registerPerIp: 0,
      resetPerIp: 0,
      resetPerEmail: 2,
    });
    const app = await freshApp(dialect, limits);
    for (let i = 0; i < 2; i++)
      await app.caller().auth.requestPasswordReset({ email: "nobody@example.com" });
    const refused = await app.http("auth.requestPasswordReset", { email: "NOBODY@example.com" });
    expect(refused.status).toBe(429);
    expect(refused.error?.data.retryAfterSeconds).toBeGreaterThan(0);

    const byIp = await freshApp(
      dialect,
      createRateLimits({
        loginPerIp: 0,
        loginPerAccount: 0,
        registerPerIp: 0,
        resetPerIp: 2,
        resetPerEmail: 0,
      }),
    );
    await byIp.signUp("alice");
    await byIp.caller().auth.requestPasswordReset({ email: "nobody@example.com" });
    await byIp.caller().auth.requestPasswordReset({ email: "alice@example.com" });
    const refusedIp = await byIp.http(
      "auth.requestPasswordReset",
      { email: "someone@example.com" },
      { ip: TEST_IP },
    );
    expect(refusedIp.status).toBe(429);
    expect(
      await byIp
        .caller(undefined, "198.51.100.1")
        .auth.requestPasswordReset({ email: "someone@example.com" }),
    ).toEqual({ ok: true });
    await byIp.mail.drain();
    expect(await findUserByEmail(byIp.db, "alice@example.com")).toBeDefined();
  });

  it("refuses a link mailed to an address the account no longer has", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const token = await resetTokenFor(app, "alice@example.com");
    await alice.as.user.update({ id: alice.id, email: "alice@new.example.com" });
    await expect(
      app.caller().auth.resetPassword({ token, newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
    ).resolves.toBeDefined();
  });

  it("deletes an account's pending tokens with the account", async () => {
    const app = await freshApp(dialect);
    // The owner's account can't be deleted: the site has one already, so this test's are ordinary.
    await app.addSiteOwner();
    const alice = await app.signUp("alice");
    await resetTokenFor(app, "alice@example.com");
    const pending = () => app.db.selectFrom("account_tokens").selectAll().execute();
    expect(await pending()).toHaveLength(2);
    await alice.as.user.delete({ id: alice.id });
    expect(await pending()).toEqual([]);
  });
});
