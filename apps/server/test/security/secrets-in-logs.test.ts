// The server log at debug level through a whole account's life, failures and 500s included,
// never carries a password, a password hash, a token or the JWT secret (ASVS V7.1.1/V7.1.2,
// OWASP API8). The log is the whole output of the process, stdout and stderr.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startMailPeer, tokenInReceived } from "../support/mail-peer.js";
import { spawnServer } from "../support/spawn-server.js";
import { mutate, query, register, type WireResponse } from "../support/trpc-http.js";
import { findLeak } from "./support/leaks.js";

describe("the server log", () => {
  it("holds no password, hash, token or secret after a full scenario with failures and 500s", async () => {
    const jwtSecret = randomBytes(32).toString("hex");
    const server = await spawnServer({ env: { LOG_LEVEL: "debug", JWT_SECRET: jwtSecret } });
    const passwords = ["correct horse battery", "typo horse battery", "brand new secret 42"];
    const tokens: string[] = [];
    const expectOk = (res: WireResponse) => {
      expect(res.status, res.text).toBe(200);
      return res;
    };
    try {
      // The first account is the owner, whose account can't be deleted: the subject is not it.
      await register(server.url, "site_owner");
      const user = await register(server.url, "log_subject");
      tokens.push(user.accessToken);
      const as = () => ({ token: tokens.at(-1) });
      const login = await mutate(server.url, "auth.login", {
        login: "log_subject",
        password: passwords[0],
      });
      tokens.push(expectOk(login).body.result.data.accessToken);
      const wrong = await mutate(server.url, "auth.login", {
        login: "log_subject",
        password: passwords[1],
      });
      expect(wrong.status).toBe(401);
      const post = await mutate(server.url, "post.create", { title: "t", content: "c" }, as());
      const postId = expectOk(post).body.result.data.id;
      expectOk(await mutate(server.url, "post.update", { id: postId, title: "t2" }, as()));
      expectOk(
        await mutate(
          server.url,
          "user.update",
          { id: user.user.id, username: "log_subject2" },
          as(),
        ),
      );
      expectOk(await query(server.url, "user.me", undefined, tokens.at(-1)));
      const changed = await mutate(
        server.url,
        "user.changePassword",
        { currentPassword: passwords[0], newPassword: passwords[2] },
        as(),
      );
      tokens.push(expectOk(changed).body.result.data.accessToken);
      // A refused change, with passwords in the input.
      const refused = await mutate(
        server.url,
        "user.changePassword",
        { currentPassword: passwords[1], newPassword: passwords[0] },
        as(),
      );
      expect(refused.status).toBe(400);
      expectOk(await mutate(server.url, "auth.logoutAll", undefined, as()));
      const again = await mutate(server.url, "auth.login", {
        login: "log_subject2",
        password: passwords[2],
      });
      tokens.push(expectOk(again).body.result.data.accessToken);
      expectOk(await mutate(server.url, "user.delete", { id: user.user.id }, as()));

      // 500s on calls that carry a password and a token: the tables are dropped under the server.
      const other = await register(server.url, "second_subject");
      tokens.push(other.accessToken);
      const sqlite = new Database(join(server.dataDir, "folio.db"));
      sqlite.exec("DROP TABLE posts; DROP TABLE users;");
      sqlite.close();
      const failedLogin = await mutate(server.url, "auth.login", {
        login: "second_subject",
        password: other.password,
      });
      const failedMe = await query(server.url, "user.me", undefined, other.accessToken);
      expect([failedLogin.status, failedMe.status]).toEqual([500, 500]);
      for (const res of [failedLogin, failedMe]) expect(findLeak(res.text), res.text).toBeNull();
      await server.waitForLog(
        (entry) => entry.msg === "tRPC call failed" && entry.path === "user.me",
      );
    } finally {
      await server.stop();
    }

    const log = server.logs();
    // The log is not empty: one line per request (paths included), and the 500s' causes.
    expect(log).toMatch(/"path":"\/trpc\/user.changePassword"/);
    expect(log).toMatch(/no such table: users/); // the 500s' causes are in the log
    for (const secret of [...passwords, ...tokens, jwtSecret]) expect(log).not.toContain(secret);
    expect(log).not.toContain("$argon2id$");
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT at all, not only the ones we saw
  });

  it("holds no mail token or password through confirmation, reset and a failing mail server", async () => {
    const mail = await startMailPeer();
    const server = await spawnServer({ env: { LOG_LEVEL: "debug", ...mail.env } });
    const secrets: string[] = [];
    try {
      const user = await register(server.url, "mail_subject");
      secrets.push(user.password, user.accessToken);
      const confirmation = await mail.peer.waitFor((m) => /Confirm/.test(m.subject));
      const verifyToken = tokenInReceived(confirmation);
      secrets.push(verifyToken);
      // A refused confirmation (a byte changed) and a good one.
      const altered = `${verifyToken.slice(0, -1)}${verifyToken.endsWith("A") ? "B" : "A"}`;
      expect((await mutate(server.url, "auth.verifyEmail", { token: altered })).status).toBe(400);
      expect((await mutate(server.url, "auth.verifyEmail", { token: verifyToken })).status).toBe(
        200,
      );

      expect(
        (
          await mutate(server.url, "auth.requestPasswordReset", {
            email: "mail_subject@example.com",
          })
        ).status,
      ).toBe(200);
      const resetMail = await mail.peer.waitFor((m) => /Reset your/.test(m.subject));
      const resetToken = tokenInReceived(resetMail);
      secrets.push(resetToken, "reset to this 2026");
      const tooShort = await mutate(server.url, "auth.resetPassword", {
        token: resetToken,
        newPassword: "short",
      });
      expect(tooShort.status).toBe(400);
      const reset = await mutate(server.url, "auth.resetPassword", {
        token: resetToken,
        newPassword: "reset to this 2026",
      });
      expect(reset.status, reset.text).toBe(200);
      secrets.push(reset.body.result.data.accessToken);
      const reused = await mutate(server.url, "auth.resetPassword", {
        token: resetToken,
        newPassword: "reset to this 2026",
      });
      expect(reused.status).toBe(400);

      // The mail server goes away: the next reset mail fails (and is logged) with a live token.
      await mail.close();
      expect(
        (
          await mutate(server.url, "auth.requestPasswordReset", {
            email: "mail_subject@example.com",
          })
        ).status,
      ).toBe(200);
      await server.waitForLog((entry) => String(entry.msg).startsWith("mail not sent"));
    } finally {
      await server.stop();
      await mail.close();
    }
    const log = server.logs();
    expect(log).toMatch(/mail not sent/);
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/#token=/);
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
