// pino settings for Fastify's logger: JSON lines, secrets redacted, URLs without query strings
// (tRPC query inputs travel in `?input=` and may carry anything a user typed).
import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config/config.js";

const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "accessToken", "token"];

/** Secret fields at the top of a log object and up to two levels down. */
const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** The path of a URL, without its query string. */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

interface RequestForLog {
  method: string;
  url: string;
}

export function loggerOptions(config: Pick<Config, "logLevel">): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: {
      // Fastify's own error logs include `req`: keep them to method and path as well.
      req: (req: RequestForLog) => ({ method: req.method, path: pathOf(req.url) }),
    },
  };
}
