import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { parseDurationSeconds } from "./duration.js";
import { repoRoot } from "./paths.js";

describe("loadConfig", () => {
  it("uses API.md's defaults, with the SQLite file under the repo root", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      nodeEnv: "development",
      databaseUrl: `sqlite:${resolve(repoRoot, "data/folio.db")}`,
      accessTokenTtlSeconds: 86_400,
      auditRetentionSeconds: 365 * 86_400,
      rateLimits: {
        loginPerIp: 20,
        loginPerAccount: 5,
        registerPerIp: 10,
        uploadPerUser: 20,
        commentPerUser: 30,
      },
      rateLimitStore: "memory",
      trustProxy: false,
      logLevel: "info",
      webDistDir: resolve(repoRoot, "apps/web/dist"),
      dataDir: resolve(repoRoot, "data"),
    });
  });

  it("resolves relative SQLite paths against the repo root, not the working directory", () => {
    const config = loadConfig({ DATABASE_URL: "sqlite:tmp/other.db" });
    expect(config.databaseUrl).toBe(`sqlite:${resolve(repoRoot, "tmp/other.db")}`);
    expect(config.dataDir).toBe(resolve(repoRoot, "tmp"));
    expect(loadConfig({ DATABASE_URL: "sqlite::memory:" }).databaseUrl).toBe("sqlite::memory:");
  });

  it("reads RATE_LIMIT_UPLOAD_USER, 0 turning the limit off, and names it when bad", () => {
    expect(loadConfig({ RATE_LIMIT_UPLOAD_USER: "3" }).rateLimits.uploadPerUser).toBe(3);
    expect(loadConfig({ RATE_LIMIT_UPLOAD_USER: "0" }).rateLimits.uploadPerUser).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_UPLOAD_USER: "many" })).toThrow(
      /RATE_LIMIT_UPLOAD_USER: must be a whole number/,
    );
  });

  it("reads AUDIT_RETENTION in ACCESS_TOKEN_TTL's format, and names it when bad", () => {
    expect(loadConfig({ AUDIT_RETENTION: "90d" }).auditRetentionSeconds).toBe(90 * 86_400);
    expect(loadConfig({ AUDIT_RETENTION: "12h" }).auditRetentionSeconds).toBe(12 * 3600);
    for (const bad of ["1 year", "0d", "365", "-5d"]) {
      expect(() => loadConfig({ AUDIT_RETENTION: bad })).toThrow(
        /AUDIT_RETENTION: must be a whole number and a unit/,
      );
    }
  });

  it("reads RATE_LIMIT_COMMENT_USER, 0 turning the limit off, and names it when bad", () => {
    expect(loadConfig({ RATE_LIMIT_COMMENT_USER: "5" }).rateLimits.commentPerUser).toBe(5);
    expect(loadConfig({ RATE_LIMIT_COMMENT_USER: "0" }).rateLimits.commentPerUser).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_COMMENT_USER: "-3" })).toThrow(/RATE_LIMIT_COMMENT_USER/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", TRUST_PROXY: "" })).toMatchObject({
      port: 3000,
      trustProxy: false,
    });
  });

  it("reads TRUST_PROXY as a number of trusted proxies", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "off" }).trustProxy).toBe(false);
  });

  it("reads REQUEST_TIMEOUT and HEADERS_TIMEOUT as durations (60s and 10s by default)", () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutSeconds: 60, headersTimeoutSeconds: 10 });
    expect(loadConfig({ REQUEST_TIMEOUT: "2m", HEADERS_TIMEOUT: "5s" })).toMatchObject({
      requestTimeoutSeconds: 120,
      headersTimeoutSeconds: 5,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT: "0s" })).toThrow(/REQUEST_TIMEOUT: must be/);
    expect(() => loadConfig({ HEADERS_TIMEOUT: "soon" })).toThrow(/HEADERS_TIMEOUT: must be/);
    expect(() => loadConfig({ REQUEST_TIMEOUT: "5s" })).toThrow(
      /HEADERS_TIMEOUT: must not be longer than REQUEST_TIMEOUT/,
    );
  });

  it("names every bad variable in one error, without echoing the secret", () => {
    const attempt = () =>
      loadConfig({ PORT: "x", JWT_SECRET: "short-secret-value", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/JWT_SECRET: must be at least 32 bytes/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).not.toContain("short-secret-value");
  });
});

describe("parseDurationSeconds", () => {
  it.each([
    ["90s", 90],
    ["30m", 1800],
    ["12h", 43_200],
    ["7d", 604_800],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "10", "1.5h", "0s", "-5m", "5 m", "5w", "m"])("refuses %j", (text) => {
    expect(parseDurationSeconds(text)).toBeNull();
  });
});
