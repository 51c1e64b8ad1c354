// The mail settings of API.md "Limits and configuration": defaults, parsing, and errors that
// name the variable (without echoing an SMTP_URL, which may carry a password).
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { repoRoot } from "./paths.js";

describe("mail configuration", () => {
  it("defaults to .eml files in data/mail, links to http://HOST:PORT, 1 h and 24 h tokens", () => {
    const config = loadConfig({ HOST: "0.0.0.0", PORT: "8080" });
    expect(config.mail).toEqual({
      publicUrl: "http://0.0.0.0:8080",
      smtpUrl: null,
      dir: resolve(repoRoot, "data/mail"),
      from: "Folio <no-reply@localhost>",
      resetTtlSeconds: 3600,
      verifyTtlSeconds: 86_400,
    });
    expect(config.rateLimits).toMatchObject({ resetPerIp: 10, resetPerEmail: 3, mailPerUser: 5 });
  });

  it("reads every mail variable", () => {
    const config = loadConfig({
      PUBLIC_URL: "https://blog.example.com/",
      SMTP_URL: "smtps://folio:secret@mail.example.com:465",
      MAIL_DIR: "tmp/mail",
      MAIL_FROM: "The Blog <blog@example.com>",
      RESET_TOKEN_TTL: "30m",
      VERIFY_TOKEN_TTL: "2d",
      RATE_LIMIT_RESET_IP: "0",
      RATE_LIMIT_RESET_EMAIL: "7",
      RATE_LIMIT_MAIL_USER: "1",
    });
    expect(config.mail).toEqual({
      publicUrl: "https://blog.example.com",
      smtpUrl: "smtps://folio:secret@mail.example.com:465",
      dir: resolve(repoRoot, "tmp/mail"),
      from: "The Blog <blog@example.com>",
      resetTtlSeconds: 1800,
      verifyTtlSeconds: 172_800,
    });
    expect(config.rateLimits).toMatchObject({ resetPerIp: 0, resetPerEmail: 7, mailPerUser: 1 });
  });

  it.each([
    ["PUBLIC_URL", "blog.example.com"],
    ["PUBLIC_URL", "https://blog.example.com/path"],
    ["PUBLIC_URL", "ftp://blog.example.com"],
    ["SMTP_URL", "http://mail.example.com"],
    ["SMTP_URL", "mail.example.com:587"],
    ["MAIL_FROM", "not an address"],
    ["RESET_TOKEN_TTL", "1 hour"],
    ["VERIFY_TOKEN_TTL", "0h"],
    ["RATE_LIMIT_RESET_IP", "-1"],
    ["RATE_LIMIT_RESET_EMAIL", "many"],
    ["RATE_LIMIT_MAIL_USER", "1.5"],
  ])("refuses %s=%s naming it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it("never echoes an SMTP_URL, which may carry a password", () => {
    expect(() => loadConfig({ SMTP_URL: "imap://user:hunter2@mail.example.com" })).toThrow(
      /^(?![\s\S]*hunter2)[\s\S]*SMTP_URL/,
    );
  });

  it("requires PUBLIC_URL in production", () => {
    const production = { NODE_ENV: "production", JWT_SECRET: "x".repeat(32) };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL: is required in production/);
    expect(
      loadConfig({ ...production, PUBLIC_URL: "https://blog.example.com" }).mail.publicUrl,
    ).toBe("https://blog.example.com");
  });
});
