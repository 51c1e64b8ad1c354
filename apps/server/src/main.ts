// Entry point: read config, open and migrate the database, listen, stop cleanly on a signal.
// Once listening it logs `{"msg":"Folio listening","url":"http://HOST:PORT"}` (tests read it).
import { createDb, type DbHandle, migrateToLatest } from "@folio/db";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/config.js";

/** How long in-flight requests get to finish after SIGTERM/SIGINT before the exit is forced. */
const SHUTDOWN_GRACE_MS = 10_000;

async function start(): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  await migrateToLatest(db.db, db.dialect);
  const app = await buildApp(config, { db });
  stopOnSignals(app, db);
  const url = await app.listen({ port: config.port, host: config.host });
  app.log.info({ url, nodeEnv: config.nodeEnv, dialect: db.dialect }, "Folio listening");
}

function stopOnSignals(app: FastifyInstance, db: DbHandle): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    setTimeout(() => {
      app.log.error(`requests still running after ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // fastify.close() stops accepting, waits for requests in flight, then runs onClose hooks.
    app
      .close()
      .then(() => db.close())
      .then(() => {
        app.log.info("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, "error while shutting down");
        process.exit(1);
      });
  };
  // A second signal forces the exit (see above) instead of waiting out the grace period.
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // A setting's fault, not a bug: the message names the variable; a stack would only hide it.
    console.error(`Folio cannot start. ${error.message}`);
  } else {
    console.error("Folio failed to start:", error);
  }
  process.exit(1);
});
