// The environment a test server runs with: the parent's minus every Folio setting (so the
// host's own variables never change a test), then test defaults, then the test's overrides.
import { randomBytes } from "node:crypto";

export const FOLIO_SETTINGS = [
  "PORT",
  "HOST",
  "NODE_ENV",
  "DATABASE_URL",
  "JWT_SECRET",
  "ACCESS_TOKEN_TTL",
  "AUDIT_RETENTION",
  "RATE_LIMIT_LOGIN_IP",
  "RATE_LIMIT_LOGIN_ACCOUNT",
  "RATE_LIMIT_REGISTER_IP",
  "RATE_LIMIT_STORE",
  "REDIS_URL",
  "TRUST_PROXY",
  "LOG_LEVEL",
  "WEB_DIST_DIR",
  "RATE_LIMIT_RESET_IP",
  "RATE_LIMIT_RESET_EMAIL",
  "RATE_LIMIT_MAIL_USER",
  "PUBLIC_URL",
  "SMTP_URL",
  "MAIL_DIR",
  "MAIL_FROM",
  "RESET_TOKEN_TTL",
  "VERIFY_TOKEN_TTL",
  "REQUEST_TIMEOUT",
  "HEADERS_TIMEOUT",
];

export function serverEnv(
  sqliteFile: string,
  overrides: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of FOLIO_SETTINGS) delete env[name];
  Object.assign(env, {
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    JWT_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "info",
    DATABASE_URL: `sqlite:${sqliteFile}`,
    // Required in production; mail (written as .eml files beside the database) links here.
    PUBLIC_URL: "http://folio.test",
  });
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
