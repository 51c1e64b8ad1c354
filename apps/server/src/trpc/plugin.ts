// The API under /trpc: tRPC's resolveResponse behind Folio's own host glue (trpc-host.ts, ADR
// 014) plus the wire rules of API.md that only the HTTP layer can keep (batch size, body limits,
// Retry-After, Cache-Control: no-store).
import { type AppDeps, appRouter, createContext, RateLimitedError } from "@folio/api";
import type { FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import type { FastifyError, FastifyInstance } from "fastify";
import { registerBodyLimits } from "../http/body-limits.js";
import { fastifyErrorToTrpc } from "./errors.js";
import { handleTrpcRequest } from "./host.js";

export const TRPC_PREFIX = "/trpc";
export const MAX_BATCH_SIZE = 10;

type TrpcOptions = FastifyTRPCPluginOptions<typeof appRouter>["trpcOptions"];

/** The longest wait among the rate-limit refusals of a response, in seconds. */
function retryAfterSeconds(errors: readonly { cause?: unknown }[]): number | null {
  const waits = errors
    .map((error) => error.cause)
    .filter((cause): cause is RateLimitedError => cause instanceof RateLimitedError)
    .map((cause) => cause.retryAfterSeconds);
  return waits.length > 0 ? Math.max(...waits) : null;
}

/** Folio's tRPC options: the protocol side of the host (the differential test reuses them). */
export function trpcOptions(deps: AppDeps): TrpcOptions {
  return {
    router: appRouter,
    createContext: createContext(deps),
    // tRPC refuses a larger batch whole (400) while parsing, before any call runs.
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const wait = retryAfterSeconds(errors);
      return wait === null ? {} : { headers: { "retry-after": String(wait) } };
    },
    onError({ error, path, req }) {
      // Clients get a generic message for 500s; the cause is only ever logged here.
      if (error.code === "INTERNAL_SERVER_ERROR") {
        req.log.error({ err: error.cause ?? error, path }, "tRPC call failed");
      }
    },
  };
}

export async function trpcPlugin(scope: FastifyInstance, deps: AppDeps): Promise<void> {
  // Every body under its limit, whatever its content type (body-limits.ts, ADR 010).
  registerBodyLimits(scope);
  // The two parsers tRPC's Fastify adapter would register (trpc-host.ts replaces the adapter):
  // JSON as text, held to Fastify's bodyLimit; multipart as the raw stream, which
  // body-limits.ts reads under the call's own limit before the handler runs.
  scope.removeContentTypeParser("application/json");
  scope.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );
  scope.addContentTypeParser("multipart/form-data", (_request, payload, done) =>
    done(null, payload),
  );
  // A callback hook, not an async one: no promise per answer.
  scope.addHook("onSend", (_request, reply, payload, done) => {
    reply.header("cache-control", "no-store");
    done(null, payload);
  });
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const body = fastifyErrorToTrpc(error);
    if (body.error.data.httpStatus >= 500) request.log.error({ err: error }, "request failed");
    return reply.status(body.error.data.httpStatus).send(body);
  });
  const options = trpcOptions(deps);
  scope.all<{ Params: { path: string } }>("/:path", (request, reply) =>
    handleTrpcRequest(options, request, reply, request.params.path),
  );
}
