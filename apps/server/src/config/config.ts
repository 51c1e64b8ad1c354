// Every setting, from environment variables, checked once at start (API.md "Limits and
// configuration"). A bad value becomes a ConfigError naming the variable; main.ts prints it.
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { parseDurationSeconds } from "./duration.js";
import { defaultWebDistDir, fromRepoRoot, repoRoot } from "./paths.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

// Unset and empty are the same thing (compose files and shells often export `VAR=`).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const count = (fallback: number) =>
  optional(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more"),
  ).default(fallback);

const databaseUrl = z
  .string()
  .regex(
    /^(sqlite:.+|postgres(ql)?:\/\/.+)$/,
    "must be sqlite:<path>, sqlite::memory: or postgres://…",
  )
  // Relative SQLite paths are relative to the repo root, wherever the process was started.
  .transform((url) =>
    url.startsWith("sqlite:") && url !== "sqlite::memory:"
      ? `sqlite:${fromRepoRoot(url.slice("sqlite:".length))}`
      : url,
  );

const trustProxy = z
  .string()
  .regex(/^(true|false|on|off|yes|no|[0-9]+)$/i, "must be true, false or a number of proxies")
  // `true` trusts one proxy (the nearest hop), not every hop: trusting all of them would let a
  // client pick its own address by sending its own X-Forwarded-For.
  .transform((text): number | false => {
    if (/^(false|off|no|0)$/i.test(text)) return false;
    return /^[0-9]+$/.test(text) ? Number(text) : 1;
  });

const duration = (fallbackSeconds: number) =>
  optional(
    z
      .string()
      .refine(
        (text) => parseDurationSeconds(text) !== null,
        "must be a whole number and a unit s, m, h or d (90s, 30m, 12h, 7d)",
      )
      .transform((text) => parseDurationSeconds(text) ?? 0),
  ).default(fallbackSeconds);

// An http(s) origin for links in mail: no path, query or fragment, no trailing slash kept.
const publicUrl = z
  .string()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        /^https?:$/.test(url.protocol) &&
        !url.username &&
        !url.password &&
        url.pathname.replace(/\/+$/, "") === "" &&
        !url.search &&
        !url.hash
      );
    } catch {
      return false;
    }
  }, "must be an http:// or https:// origin like https://blog.example.com (no path)")
  .transform((text) => new URL(text).origin);

const smtpUrl = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be smtp://[user:pass@]host:port or smtps://[user:pass@]host:port");

// A display name and an address, or an address alone: `Folio <no-reply@example.com>`.
const mailFrom = z
  .string()
  .regex(
    /^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
    "must be an address, or a name and an address: Folio <no-reply@example.com>",
  );

const envSchema = z
  .object({
    PORT: optional(
      z.coerce
        .number({ error: "must be a port number (0-65535)" })
        .int("must be a port number (0-65535)")
        .min(0, "must be a port number (0-65535)")
        .max(65535, "must be a port number (0-65535)"),
    ).default(3000),
    HOST: optional(z.string().regex(/^[^\s/]+$/, "must be a host name or address")).default(
      "127.0.0.1",
    ),
    NODE_ENV: optional(z.enum(["development", "production", "test"])).default("development"),
    DATABASE_URL: optional(databaseUrl).default(`sqlite:${resolve(repoRoot, "data/folio.db")}`),
    JWT_SECRET: optional(
      z.string().refine((secret) => Buffer.byteLength(secret) >= 32, "must be at least 32 bytes"),
    ),
    ACCESS_TOKEN_TTL: optional(
      z
        .string()
        .refine(
          (text) => parseDurationSeconds(text) !== null,
          "must be a whole number and a unit s, m, h or d (90s, 30m, 12h, 7d)",
        )
        .transform((text) => parseDurationSeconds(text) ?? 0),
    ).default(24 * 60 * 60),
    RATE_LIMIT_LOGIN_IP: count(20),
    RATE_LIMIT_LOGIN_ACCOUNT: count(5),
    RATE_LIMIT_REGISTER_IP: count(10),
    RATE_LIMIT_RESET_IP: count(10),
    RATE_LIMIT_RESET_EMAIL: count(3),
    RATE_LIMIT_MAIL_USER: count(5),
    PUBLIC_URL: optional(publicUrl),
    SMTP_URL: optional(smtpUrl),
    MAIL_DIR: optional(z.string().transform(fromRepoRoot)),
    MAIL_FROM: optional(mailFrom).default("Folio <no-reply@localhost>"),
    AUDIT_RETENTION: duration(365 * 24 * 60 * 60),
    RESET_TOKEN_TTL: duration(60 * 60),
    VERIFY_TOKEN_TTL: duration(24 * 60 * 60),
    RATE_LIMIT_UPLOAD_USER: count(20),
    RATE_LIMIT_COMMENT_USER: count(30),
    RATE_LIMIT_STORE: optional(z.enum(["memory", "redis", "postgres"])).default("memory"),
    REDIS_URL: optional(
      z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL"),
    ).default("redis://127.0.0.1:6379"),
    TRUST_PROXY: optional(trustProxy).default(false),
    LOG_LEVEL: optional(
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    ).default("info"),
    WEB_DIST_DIR: optional(z.string().transform(fromRepoRoot)).default(defaultWebDistDir),
    // docs/security.md "Timeouts" gives the reason for each default.
    REQUEST_TIMEOUT: duration(60),
    HEADERS_TIMEOUT: duration(10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.JWT_SECRET) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "is required in production (links in mail start with it)",
      });
    }
    if (env.HEADERS_TIMEOUT > env.REQUEST_TIMEOUT) {
      ctx.addIssue({
        code: "custom",
        path: ["HEADERS_TIMEOUT"],
        message: "must not be longer than REQUEST_TIMEOUT",
      });
    }
    if (env.RATE_LIMIT_STORE === "postgres" && env.DATABASE_URL.startsWith("sqlite:")) {
      ctx.addIssue({
        code: "custom",
        path: ["RATE_LIMIT_STORE"],
        message: "postgres needs DATABASE_URL to be a postgres:// URL",
      });
    }
  });

const MAY_HOLD_SECRETS = new Set(["JWT_SECRET", "DATABASE_URL", "REDIS_URL", "SMTP_URL"]);

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof envSchema>) {
  const sqliteFile =
    env.DATABASE_URL.startsWith("sqlite:") && env.DATABASE_URL !== "sqlite::memory:"
      ? env.DATABASE_URL.slice("sqlite:".length)
      : null;
  const dataDir = sqliteFile ? dirname(sqliteFile) : resolve(repoRoot, "data");
  return {
    port: env.PORT,
    host: env.HOST,
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    /** Null means "generate one and keep it in dataDir" (refused in production above). */
    jwtSecret: env.JWT_SECRET ?? null,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL,
    /** Security events older than this are deleted. */
    auditRetentionSeconds: env.AUDIT_RETENTION,
    rateLimits: {
      loginPerIp: env.RATE_LIMIT_LOGIN_IP,
      loginPerAccount: env.RATE_LIMIT_LOGIN_ACCOUNT,
      registerPerIp: env.RATE_LIMIT_REGISTER_IP,
      resetPerIp: env.RATE_LIMIT_RESET_IP,
      resetPerEmail: env.RATE_LIMIT_RESET_EMAIL,
      mailPerUser: env.RATE_LIMIT_MAIL_USER,
      uploadPerUser: env.RATE_LIMIT_UPLOAD_USER,
      commentPerUser: env.RATE_LIMIT_COMMENT_USER,
    },
    mail: {
      /** Links in mail start with it; without a trailing slash. */
      publicUrl:
        env.PUBLIC_URL ??
        `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`,
      /** Null: write .eml files into `dir` instead. */
      smtpUrl: env.SMTP_URL ?? null,
      dir: env.MAIL_DIR ?? resolve(dataDir, "mail"),
      from: env.MAIL_FROM,
      resetTtlSeconds: env.RESET_TOKEN_TTL,
      verifyTtlSeconds: env.VERIFY_TOKEN_TTL,
    },
    rateLimitStore: env.RATE_LIMIT_STORE,
    redisUrl: env.REDIS_URL,
    /** False, or how many proxies in front of the server to trust (Fastify's trustProxy). */
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    webDistDir: env.WEB_DIST_DIR,
    /** Whole request (headers and body) must arrive within this, else 408 and the socket closes. */
    requestTimeoutSeconds: env.REQUEST_TIMEOUT,
    /** Request headers must arrive within this, else the socket closes. */
    headersTimeoutSeconds: env.HEADERS_TIMEOUT,
    /** The data folder: the SQLite file's folder, else <repo>/data. */
    dataDir,
  };
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      // Values are echoed to help, except those that can carry credentials.
      const shown = MAY_HOLD_SECRETS.has(name) ? "" : ` (got ${JSON.stringify(env[name] ?? null)})`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(result.data);
}
