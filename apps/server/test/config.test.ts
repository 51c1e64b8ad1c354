// Settings are checked at start: a bad value stops the process (exit 1) with a message that
// names the variable and no stack trace; the development JWT secret is generated once and kept.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runServerToExit, spawnServer } from "./support/spawn-server.js";
import { query, register } from "./support/trpc-http.js";

describe("configuration errors", () => {
  it.each([
    ["PORT", "not-a-port"],
    ["PORT", "70000"],
    ["ACCESS_TOKEN_TTL", "10 minutes"],
    ["JWT_SECRET", "too-short"],
    ["RATE_LIMIT_LOGIN_IP", "-1"],
    ["RATE_LIMIT_UPLOAD_USER", "twenty"],
    ["RATE_LIMIT_COMMENT_USER", "1.5"],
    ["DATABASE_URL", "mysql://localhost/folio"],
    ["RATE_LIMIT_STORE", "postgres"], // needs a postgres DATABASE_URL
    ["TRUST_PROXY", "sometimes"],
    ["NODE_ENV", "staging"],
    ["PUBLIC_URL", "blog.example.com"],
    ["SMTP_URL", "http://mail.example.com"],
    ["RESET_TOKEN_TTL", "forever"],
    ["AUDIT_RETENTION", "a year"],
  ])("refuses %s=%s with exit code 1 and a message naming it", async (name, value) => {
    const { code, output } = await runServerToExit({ env: { [name]: value } });
    expect(code).toBe(1);
    expect(output).toContain(name);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(output).not.toContain("Folio listening");
  });

  it("refuses to start in production without JWT_SECRET", async () => {
    const { code, output } = await runServerToExit({
      env: { NODE_ENV: "production", JWT_SECRET: undefined },
    });
    expect(code).toBe(1);
    expect(output).toMatch(/JWT_SECRET: is required in production/);
  });

  it("refuses to start in production without PUBLIC_URL (links in mail would point nowhere)", async () => {
    const { code, output } = await runServerToExit({
      env: { NODE_ENV: "production", PUBLIC_URL: undefined },
    });
    expect(code).toBe(1);
    expect(output).toMatch(/PUBLIC_URL: is required in production/);
  });
});

describe("the development JWT secret", () => {
  it("is generated once with mode 600 in the data folder and reused after a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "folio-dev-secret-"));
    const env = { NODE_ENV: "development", JWT_SECRET: undefined };
    try {
      const first = await spawnServer({ dataDir, env });
      const session = await register(first.url);
      expect(await first.stop()).toBe(0);

      const file = join(dataDir, "jwt-secret");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const secret = readFileSync(file, "utf8").trim();
      expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);

      const second = await spawnServer({ dataDir, env });
      // The token signed before the restart still verifies: the same key was used.
      const me = await query(second.url, "user.me", undefined, session.accessToken);
      expect(me.status).toBe(200);
      expect(await second.stop()).toBe(0);
      expect(readFileSync(file, "utf8").trim()).toBe(secret);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("is not written when JWT_SECRET is given", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "folio-given-secret-"));
    try {
      const server = await spawnServer({ dataDir, env: { NODE_ENV: "development" } });
      await server.stop();
      expect(() => statSync(join(dataDir, "jwt-secret"))).toThrow();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
