// Liveness and readiness, for process managers and load balancers.
import type { Database } from "@folio/db";
import type { FastifyInstance } from "fastify";
import { type Kysely, sql } from "kysely";

/** A database that has not answered by then counts as down (pg waits forever by default). */
const READY_TIMEOUT_MS = 2000;

async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const probe = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealth(app: FastifyInstance, db: Kysely<Database>): void {
  // No database call: a live process with a slow database should not be restarted for it.
  app.get("/healthz", async (_request, reply) => {
    reply.header("cache-control", "no-store");
    return { status: "ok" };
  });
  app.get("/readyz", async (request, reply) => {
    reply.header("cache-control", "no-store");
    if (await databaseAnswers(db)) return { status: "ready" };
    request.log.warn("readiness check: database did not answer");
    return reply.status(503).send({ status: "unavailable" });
  });
}
