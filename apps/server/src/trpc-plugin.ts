// The API under /trpc: tRPC's Fastify adapter plus the wire rules of API.md that only the HTTP
// layer can keep (batch size, body size errors, Retry-After, Cache-Control: no-store).
import { type AppDeps, appRouter, createContext, RateLimitedError } from "@folio/api";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyError, FastifyInstance } from "fastify";
import { registerBodyLimits } from "./body-limits.js";
import { fastifyErrorToTrpc } from "./trpc-errors.js";

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

function trpcOptions(deps: AppDeps): TrpcOptions {
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
  scope.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const body = fastifyErrorToTrpc(error);
    if (body.error.data.httpStatus >= 500) request.log.error({ err: error }, "request failed");
    return reply.status(body.error.data.httpStatus).send(body);
  });
  await scope.register(fastifyTRPCPlugin, { trpcOptions: trpcOptions(deps) });
}
