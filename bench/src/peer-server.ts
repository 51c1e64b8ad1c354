// The peers: Folio's own router on tRPC's stock adapters, as a tRPC user would host it out of the
// box, so "Folio against what tRPC gives you" is a measured ratio. Same config (Folio's
// loadConfig, so the same DATABASE_URL, JWT_SECRET and rate limits), same deps, same database.
// Run as its own process: PEER_ADAPTER=fastifyAdapter|standalone PORT=<port> node peer-server.js
import { createServer } from "node:http";
import { appRouter, createContext, createRateLimits } from "@folio/api";
import { createDb } from "@folio/db";
import { loadConfig, MAX_BATCH_SIZE, resolveJwtSecret, startMail } from "@folio/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import Fastify from "fastify";
import { PEER_ADAPTERS, type PeerAdapter } from "./peers.js";

async function main(): Promise<void> {
  const adapter = process.env.PEER_ADAPTER as PeerAdapter;
  if (!PEER_ADAPTERS.includes(adapter)) throw new Error(`PEER_ADAPTER must be ${PEER_ADAPTERS}`);
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  const deps = {
    db: db.db,
    auth: { secret: resolveJwtSecret(config).key, ttlSeconds: config.accessTokenTtlSeconds },
    limits: createRateLimits(config.rateLimits, { kind: "memory" }),
    // Mail as Folio's server sets it up (files in MAIL_DIR unless SMTP_URL), logging nowhere.
    mail: startMail(config, Fastify({ logger: false }).log, db.db),
  };
  deps.mail.outbox.start();
  // What tRPC's docs show, plus Folio's batch cap (a protocol option, not host glue).
  const trpcOptions = {
    router: appRouter,
    createContext: createContext(deps),
    maxBatchSize: MAX_BATCH_SIZE,
  };
  const healthz = JSON.stringify({ status: "ok" });

  if (adapter === "fastifyAdapter") {
    // maxParamLength as Folio's: a 10-call batch names every procedure in one path segment.
    const app = Fastify({ logger: false, routerOptions: { maxParamLength: 2000 } });
    app.get("/healthz", async () => ({ status: "ok" }));
    await app.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions });
    await app.listen({ port: config.port, host: config.host });
    process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
    return;
  }
  const handler = createHTTPHandler({ ...trpcOptions, basePath: "/trpc/" });
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/trpc/")) return handler(req, res);
    res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
    res.end(healthz);
  });
  server.listen(config.port, config.host);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
