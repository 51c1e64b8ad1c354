// A mail server that is down changes no answer: requests answer as always, the failed sends
// are logged (without the token) and retried, and the server still stops promptly.
import { createServer } from "node:net";
import { expect, it } from "vitest";
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
  const server = await spawnServer({ env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` } });
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
  } finally {
    // Retries still waiting are tried at once and given up on: the exit is clean.
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
  expect(server.logs()).toContain("mail not sent; giving up");
});
