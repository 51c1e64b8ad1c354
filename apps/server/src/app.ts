// The Fastify application: API, SPA, health checks, headers, logs. main.ts runs it; tests and
// tools can build it around any database.
import {
  type AppDeps,
  createRateLimits,
  databasePictureStore,
  startAuditRetentionSweep,
  startSessionSweep,
} from "@folio/api";
import type { DbHandle } from "@folio/db";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Config } from "./config/config.js";
import { resolveJwtSecret } from "./config/jwt-secret.js";
import { DEFAULT_BODY_LIMIT } from "./http/body-limits.js";
import { closeConnectionsWhenClosing } from "./http/close-connections.js";
import { registerHealth } from "./http/health.js";
import { registerPictures } from "./http/pictures-route.js";
import { registerRequestLog } from "./http/request-log.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerSpa } from "./http/spa.js";
import { loggerOptions } from "./services/logger.js";
import { startMail } from "./services/mail.js";
import { openRateLimitStore } from "./services/rate-limit-store.js";
import { TRPC_PREFIX, trpcPlugin } from "./trpc/plugin.js";

export const BODY_LIMIT_BYTES = DEFAULT_BODY_LIMIT;

/** Idle keep-alive sockets live this long: above the 60 s idle timeout of common proxies. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;
/** A socket with no traffic at all for this long is closed (a client that stopped reading). */
const CONNECTION_TIMEOUT_MS = 120_000;

export interface AppResources {
  /** Opened (and migrated) by the caller, who also closes it after `app.close()`. */
  db: DbHandle;
}

/** Fastify's trustProxy as a function: the nearest `hops` proxies are trusted, no others. */
function trustedHops(hops: number | false) {
  return hops === false ? false : (_address: string, hop: number) => hop < hops;
}

export async function buildApp(config: Config, { db }: AppResources): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    // request-log.ts writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Timeouts on purpose (docs/security.md "Timeouts"): a trickled body gets a 408 and a socket
    // whose headers never finish is closed; Node checks them every second (default 30 s).
    requestTimeout: config.requestTimeoutSeconds * 1000,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    http: {
      headersTimeout: config.headersTimeoutSeconds * 1000,
      connectionsCheckingInterval: 1000,
    },
    trustProxy: trustedHops(config.trustProxy),
    // A batch names every procedure in one path segment; Fastify's default of 100 characters
    // would turn a legitimate 10-call batch into a 404.
    routerOptions: { maxParamLength: 2000 },
    // On close, drop idle keep-alive sockets at once; requests in flight still finish.
    forceCloseConnections: "idle",
    // A request that reaches a kept-alive socket just after close began is served (and gets
    // `Connection: close`) instead of Fastify's non-tRPC 503: the client sent it before it could
    // know, and a POST is not retried. The grace period in main.ts still bounds the drain.
    return503OnClosing: false,
  });

  const secret = resolveJwtSecret(config);
  if (secret.created) app.log.info({ file: secret.file }, "generated a development JWT secret");

  // pg emits 'error' when an idle pooled connection dies (a database restart); unhandled, that
  // would crash the process. The pool replaces the client; /readyz reports the outage.
  db.pgPool?.on("error", (error) => app.log.warn({ err: error }, "idle database connection lost"));

  const rateLimitStore = await openRateLimitStore(config, db, (error) =>
    app.log.warn({ err: error }, "rate-limit store connection error"),
  );
  app.addHook("onClose", () => rateLimitStore.close());

  const mail = startMail(config, app.log, db.db);
  // Mail waits in the database (ADR 020): this process sends what it claims first, including
  // what a process killed before sending left behind. On close a send in flight finishes and the
  // rest is handed back for another process or the next start; the database is closed only
  // after app.close() resolves.
  mail.outbox.start();
  app.addHook("onClose", () => mail.outbox.close());

  // In the database, so every process serves every picture (ADR 013).
  const pictures = databasePictureStore(db.db);
  const deps: AppDeps = {
    db: db.db,
    auth: { secret: secret.key, ttlSeconds: config.accessTokenTtlSeconds },
    limits: createRateLimits(config.rateLimits, rateLimitStore.store),
    mail,
    pictures,
  };

  // Expired sessions are refused anyway; the sweep keeps their rows from piling up (ADR 011).
  const sessionSweep = startSessionSweep(db.db, {
    onSwept: (deleted) => {
      if (deleted > 0) app.log.info({ deleted }, "deleted expired sessions");
    },
    onError: (error) => app.log.warn({ err: error }, "could not delete expired sessions"),
  });
  app.addHook("onClose", async () => sessionSweep.stop());
  // The start-up sweep is done before the server listens (it never throws: see onError).
  await sessionSweep.first;

  // Security events are kept for AUDIT_RETENTION, then deleted (API.md "Security activity").
  const auditSweep = startAuditRetentionSweep(db.db, {
    retentionSeconds: config.auditRetentionSeconds,
    onSwept: (deleted) => {
      if (deleted > 0) app.log.info({ deleted }, "deleted security events past retention");
    },
    onError: (error) => app.log.warn({ err: error }, "could not delete old security events"),
  });
  app.addHook("onClose", async () => auditSweep.stop());
  await auditSweep.first;

  closeConnectionsWhenClosing(app);
  await registerSecurityHeaders(app);
  registerRequestLog(app, deps.auth);
  registerHealth(app, db.db);
  registerPictures(app, pictures);
  await app.register((scope) => trpcPlugin(scope, deps), { prefix: TRPC_PREFIX });
  await registerSpa(app, config.webDistDir);
  return app;
}
