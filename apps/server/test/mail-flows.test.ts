// The mail flows over HTTP against the real built server talking real SMTP (STARTTLS) to a
// test mail server: confirm an address, reset a forgotten password, and the notices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MailPeer, startMailPeer, tokenInReceived } from "./support/mail-peer.js";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

let mail: MailPeer;
let server: RunningServer;

beforeAll(async () => {
  mail = await startMailPeer();
  server = await spawnServer({
    env: {
      ...mail.env,
      PUBLIC_URL: "https://blog.example.com",
      MAIL_FROM: "Folio Blog <blog@example.com>",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await mail?.close();
});

const to = (address: string, subject: RegExp) => (m: { envelopeTo: string[]; subject: string }) =>
  m.envelopeTo.includes(address) && subject.test(m.subject);

describe("mail over SMTP", () => {
  it("says once at start where mail goes, without credentials", () => {
    const lines = server
      .logEntries()
      .filter((entry) => String(entry.msg).startsWith("mail goes to"));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.mailTransport).toBe(
      `SMTP smtp://127.0.0.1:${mail.peer.port} (STARTTLS when offered)`,
    );
  });

  it("confirms an address from the link in the registration mail", async () => {
    const user = await register(server.url, "confirm_me");
    expect(
      (await query(server.url, "user.me", undefined, user.accessToken)).body.result.data
        .emailVerified,
    ).toBe(false);
    const received = await mail.peer.waitFor(to("confirm_me@example.com", /Confirm your email/));
    expect(received.secure).toBe(true); // STARTTLS
    expect(received.parsed.from?.value).toEqual([
      { name: "Folio Blog", address: "blog@example.com" },
    ]);
    const token = tokenInReceived(received);
    expect(received.text.split("\n")).toContain(
      `https://blog.example.com/verify-email#token=${token}`,
    );
    expect(received.html).toContain(`https://blog.example.com/verify-email#token=${token}`);
    const verified = await mutate(server.url, "auth.verifyEmail", { token });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.result.data).toEqual({ ok: true });
    expect(
      (await query(server.url, "user.me", undefined, user.accessToken)).body.result.data
        .emailVerified,
    ).toBe(true);
    const again = await mutate(server.url, "auth.verifyEmail", { token });
    expect(again.status).toBe(400);
    expect(Object.keys(again.body.error.data.zodError.fieldErrors)).toEqual(["token"]);
  });

  it("resets a forgotten password from the mail: every old session ends, the new one works", async () => {
    const user = await register(server.url, "forgetful");
    const elsewhere = await mutate(server.url, "auth.login", {
      login: "forgetful",
      password: user.password,
    });
    const known = await mutate(server.url, "auth.requestPasswordReset", {
      email: "forgetful@example.com",
    });
    const unknown = await mutate(server.url, "auth.requestPasswordReset", {
      email: "nobody@example.com",
    });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(unknown.text).toBe(known.text);
    const received = await mail.peer.waitFor(
      to("forgetful@example.com", /Reset your Folio password/),
    );
    const token = tokenInReceived(received);
    expect(received.text.split("\n")).toContain(
      `https://blog.example.com/reset-password#token=${token}`,
    );

    const reset = await mutate(server.url, "auth.resetPassword", {
      token,
      newPassword: "a fresh start 2026",
    });
    expect(reset.status, reset.text).toBe(200);
    const session = reset.body.result.data;
    expect(session.user.username).toBe("forgetful");
    for (const old of [user.accessToken, elsewhere.body.result.data.accessToken]) {
      expect((await query(server.url, "user.me", undefined, old)).status).toBe(401);
    }
    expect((await query(server.url, "user.me", undefined, session.accessToken)).status).toBe(200);
    const login = await mutate(server.url, "auth.login", {
      login: "forgetful",
      password: "a fresh start 2026",
    });
    expect(login.status).toBe(200);
    const reused = await mutate(server.url, "auth.resetPassword", {
      token,
      newPassword: "one more time 2026",
    });
    expect(reused.status).toBe(400);
    const notice = await mail.peer.waitFor(to("forgetful@example.com", /password was reset/));
    expect(notice.text).not.toMatch(/#token=/);
    // No mail ever went to the unknown address.
    expect(mail.peer.received.some((m) => m.envelopeTo.includes("nobody@example.com"))).toBe(false);
  });

  it("on an email change: a link to the new address, a notice without a link to the old one", async () => {
    const user = await register(server.url, "mover");
    const changed = await mutate(
      server.url,
      "user.update",
      { id: user.user.id, email: "mover@new.example.com" },
      { token: user.accessToken },
    );
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.result.data.emailVerified).toBe(false);
    const notice = await mail.peer.waitFor(
      to("mover@example.com", /email address of your Folio account was changed/),
    );
    expect(`${notice.text}${notice.html}`).not.toMatch(/https?:\/\//);
    const confirmation = await mail.peer.waitFor(to("mover@new.example.com", /Confirm your email/));
    expect(
      (await mutate(server.url, "auth.verifyEmail", { token: tokenInReceived(confirmation) }))
        .status,
    ).toBe(200);
  });
});
