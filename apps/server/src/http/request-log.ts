// One log line per request: method, path (no query string), status, time, and the user id
// when the request carried a valid token. Fastify's own two lines per request are turned off.
import { type AuthSettings, readBearerToken, verifyAccessToken } from "@folio/api";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { pathOf } from "../services/logger.js";

/** The user id of the request's Bearer token, if it is signed by us and unexpired. */
async function userIdOf(auth: AuthSettings, request: FastifyRequest): Promise<number | undefined> {
  const token = readBearerToken(request.headers.authorization);
  // An HMAC check only (no database read): cheap, and done after the answer has been sent.
  return token ? (await verifyAccessToken(auth, token))?.userId : undefined;
}

export function registerRequestLog(app: FastifyInstance, auth: AuthSettings): void {
  // Below info every line would be dropped: skip the hook and the token check that feeds it.
  if (!["info", "debug", "trace"].includes(app.log.level)) return;
  app.addHook("onResponse", async (request, reply) => {
    const userId = await userIdOf(auth, request).catch(() => undefined);
    request.log.info(
      {
        method: request.method,
        path: pathOf(request.url),
        status: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(userId !== undefined ? { userId } : {}),
      },
      "request",
    );
  });
}
