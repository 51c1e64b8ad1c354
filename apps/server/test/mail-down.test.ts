// A mail server that is down changes no answer: requests answer as always, the failed sends
// are logged (without the token) and retried, and the server still stops promptly, keeping
// what it could not send in the outbox for the next start (ADR 020).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readDatabase } from "./security/support/sqlite-file.js";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, register } from "./support/trpc-http.js";

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

it("answers registration, reset and confirmation requests the same while SMTP is unreachable", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "folio-mail-down-"));
  const server = await spawnServer({
    dataDir,
    env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` },
  });
  try {
    const user = await register(server.url, "no_mail_today");
    expect(user.accessToken).toBeTruthy();
    const known = await mutate(server.url, "auth.requestPasswordReset", {
      email: "no_mail_today@example.com",
    });
    const unknown = await mutate(server.url, "auth.requestPasswordReset", {
      email: "nobody@example.com",
    });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(unknown.text).toBe(known.text);
    const resend = await mutate(server.url, "user.resendVerification", undefined, {
      token: user.accessToken,
    });
    expect(resend.status, resend.text).toBe(200);
    await server.waitForLog(
      (entry) => entry.msg === "mail not sent; will retry" && entry.mail === "password-reset",
    );
    // Each of the three messages has failed once and waits for its retry.
    for (let i = 0; i < 100; i++) {
      const retries = server.logEntries().filter((e) => e.msg === "mail not sent; will retry");
      if (retries.length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    // Retries still waiting stay in the outbox, held by nobody: the exit is clean and prompt.
    expect(await server.stop()).toBe(0);
  }
  const failures = server
    .logEntries()
    .filter((entry) => String(entry.msg).startsWith("mail not sent"));
  expect(failures.length).toBeGreaterThanOrEqual(3);
  expect(failures.every((entry) => entry.code === "ESOCKET" || entry.code === "ECONNECTION")).toBe(
    true,
  );
  expect(server.logs()).not.toMatch(/#token=/);
  expect(server.logs()).not.toMatch(/token=[A-Za-z0-9_-]{43}/);
  // Nothing was lost: the three messages wait in the database for the next start.
  const waiting = readDatabase(dataDir, (db) =>
    db.prepare("SELECT kind, claimed_by, attempts FROM mail_outbox ORDER BY kind").all(),
  ) as { kind: string; claimed_by: string | null; attempts: number }[];
  rmSync(dataDir, { recursive: true, force: true });
  expect(waiting.map((row) => row.kind)).toEqual([
    "password-reset",
    "verify-email",
    "verify-email",
  ]);
  expect(waiting.every((row) => row.claimed_by === null && row.attempts >= 1)).toBe(true);
});
