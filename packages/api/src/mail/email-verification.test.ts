// Confirming an email address: at registration, on a change (with a notice to the old
// address), on request; a link verifies only the address it was sent to.
import { toIsoString } from "@folio/db";
import { expect, it } from "vitest";
import { createRateLimits } from "../shared/rate-limits.js";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { tokenInMail } from "../test-support/mail-outbox.js";
import { expectRefused } from "../test-support/snapshot.js";

describeEachDialect("email confirmation", (dialect) => {
  it("mails a link at registration that confirms the address once", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    expect(alice.session.user.emailVerified).toBe(false);
    const mail = await app.lastMail("alice@example.com", "verify-email");
    expect(mail.subject).toBe("Confirm your email address for Folio");
    expect(mail.from).toBe("Folio <no-reply@folio.test>");
    const token = tokenInMail(mail);
    expect(mail.text.split("\n")).toContain(`http://folio.test/verify-email#token=${token}`);
    expect(mail.html).toContain(`href="http://folio.test/verify-email#token=${token}"`);
    expect(await app.caller().auth.verifyEmail({ token })).toEqual({ ok: true });
    expect((await alice.as.user.me()).emailVerified).toBe(true);
    await expectRefused(app.db, () => app.caller().auth.verifyEmail({ token }), "BAD_REQUEST");
  });

  it("on an email change: unconfirmed again, a link to the new address, a notice without a link to the old", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const oldToken = await app.lastToken("alice@example.com", "verify-email");
    const updated = await alice.as.user.update({ id: alice.id, email: "alice@new.example.com" });
    expect(updated.emailVerified).toBe(false);
    const notice = await app.lastMail("alice@example.com", "email-changed");
    expect(notice.subject).toBe("The email address of your Folio account was changed");
    expect(notice.text).toContain("alice@new.example.com");
    expect(`${notice.text}${notice.html}`).not.toMatch(/https?:\/\//);
    const newToken = await app.lastToken("alice@new.example.com", "verify-email");
    expect(newToken).not.toBe(oldToken);
    await app.caller().auth.verifyEmail({ token: newToken });
    expect((await alice.as.user.me()).emailVerified).toBe(true);
  });

  it("does not let a link sent to the old address confirm the new one", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const oldToken = await app.lastToken("alice@example.com", "verify-email");
    const [row] = await app.db.selectFrom("account_tokens").selectAll().execute();
    await alice.as.user.update({ id: alice.id, email: "alice@new.example.com" });
    // Even if the old token had survived (put back as if never superseded), it names the old
    // address, so it confirms nothing.
    if (row) {
      const times = {
        created_at: toIsoString(row.created_at),
        expires_at: toIsoString(row.expires_at),
      };
      await app.db
        .insertInto("account_tokens")
        .values({ ...row, ...times })
        .execute();
    }
    await expect(app.caller().auth.verifyEmail({ token: oldToken })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await alice.as.user.me()).emailVerified).toBe(false);
  });

  it("keeps the confirmation when the email is 'changed' to the same address", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await app
      .caller()
      .auth.verifyEmail({ token: await app.lastToken("alice@example.com", "verify-email") });
    await app.mail.drain();
    const sent = app.mail.outbox.length;
    const same = await alice.as.user.update({ id: alice.id, email: "ALICE@example.com" });
    expect(same.emailVerified).toBe(true);
    await app.mail.drain();
    expect(app.mail.outbox).toHaveLength(sent);
  });

  it("resends a link on request (older links stop working), and refuses once confirmed", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const first = await app.lastToken("alice@example.com", "verify-email");
    expect(await alice.as.user.resendVerification()).toEqual({ ok: true });
    const second = await app.lastToken("alice@example.com", "verify-email");
    expect(second).not.toBe(first);
    await expectRefused(
      app.db,
      () => app.caller().auth.verifyEmail({ token: first }),
      "BAD_REQUEST",
    );
    await app.caller().auth.verifyEmail({ token: second });
    await expectRefused(
      app.db,
      () => alice.as.user.resendVerification(),
      "BAD_REQUEST",
      /already confirmed/,
    );
  });

  it("counts confirmation mails per account: resends and email changes, refused with 429", async () => {
    const limits = createRateLimits({
      loginPerIp: 0,
      loginPerAccount: 0,
      registerPerIp: 0,
      mailPerUser: 2,
    });
    const app = await freshApp(dialect, limits);
    const alice = await app.signUp("alice");
    await alice.as.user.resendVerification();
    await alice.as.user.update({ id: alice.id, email: "alice2@example.com" });
    await expectRefused(app.db, () => alice.as.user.resendVerification(), "TOO_MANY_REQUESTS");
    await expectRefused(
      app.db,
      () => alice.as.user.update({ id: alice.id, email: "alice3@example.com" }),
      "TOO_MANY_REQUESTS",
    );
    // A username change sends no mail and is not counted.
    await expect(
      alice.as.user.update({ id: alice.id, username: "alice_renamed" }),
    ).resolves.toBeDefined();
  });

  it("sends a notice after a password change", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await alice.as.user.changePassword({
      currentPassword: "correct horse battery",
      newPassword: "another secret 99",
    });
    const notice = await app.lastMail("alice@example.com", "password-changed");
    expect(notice.subject).toBe("Your Folio password was changed");
    expect(notice.text).not.toContain("another secret 99");
  });
});
