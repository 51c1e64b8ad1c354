// kill -9 right after the server answered a password-reset request, before it could send the
// mail (its mail server never answers): the request was stored with the answer, so after the
// restart the mail goes out (here as an .eml file, the restart has no SMTP_URL) and its link
// works. ADR 020.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { waitForEml } from "../support/eml-files.js";
import { spawnServer } from "../support/spawn-server.js";
import { mutate, register } from "../support/trpc-http.js";

/** A mail server that accepts connections and never says a word: every send hangs. */
async function silentMailServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

it("sends the reset mail of a request answered just before a SIGKILL, after the restart", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "folio-mail-crash-"));
  const mailDir = join(dataDir, "mail");
  const silent = await silentMailServer();
  const env = { JWT_SECRET: randomBytes(32).toString("hex"), MAIL_DIR: mailDir };
  try {
    const first = await spawnServer({ dataDir, env: { ...env, SMTP_URL: silent.url } });
    const user = await register(first.url, "crashing");
    const answered = await mutate(first.url, "auth.requestPasswordReset", {
      email: "crashing@example.com",
    });
    expect(answered.status).toBe(200);
    expect(await first.stop("SIGKILL")).toBeNull(); // killed, not exited

    const second = await spawnServer({ dataDir, env: { ...env, SMTP_URL: undefined } });
    try {
      // Both messages: the registration's confirmation, which the killed process was still
      // trying to send (its claim runs out after 15 s and the next poll takes it over), and the
      // reset, stored with the answer.
      const mail = await waitForEml(
        [mailDir],
        (messages) =>
          messages.some((m) => m.subject === "Reset your Folio password") &&
          messages.some((m) => m.subject === "Confirm your email address for Folio"),
        45_000,
      );
      const reset = mail.filter((m) => m.subject === "Reset your Folio password");
      expect(reset.map((m) => m.to)).toEqual(["crashing@example.com"]);
      const token = /#token=([A-Za-z0-9_-]{43})/.exec(reset[0]?.text ?? "")?.[1];
      const done = await mutate(second.url, "auth.resetPassword", {
        token,
        newPassword: "after the crash 2026",
      });
      expect(done.status, done.text).toBe(200);
      expect(done.body.result.data.user.id).toBe(user.user.id);
      expect(mail).toHaveLength(2);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  } finally {
    await silent.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);
