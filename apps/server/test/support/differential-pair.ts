// Two hosts of the same router on two identical databases, for the differential test: Folio's
// own server (buildApp, everything it registers) and tRPC's stock Fastify adapter on plain
// Fastify with Folio's tRPC options (same router, createContext, batch cap, responseMeta,
// onError) and deps built the same way. The databases are byte copies of one fixture file, so a
// request sent to both meets the same rows, ids included.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppDeps, createRateLimits } from "@folio/api";
import { createDb, type DbHandle, migrateToLatest } from "@folio/db";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { simpleParser } from "mailparser";
import { buildApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config/config.js";
import { resolveJwtSecret } from "../../src/config/jwt-secret.js";
import { startMail } from "../../src/services/mail.js";
import { TRPC_PREFIX, trpcOptions } from "../../src/trpc/plugin.js";
import { serverEnv } from "./server-env.js";

export interface Host {
  url: string;
  close(): Promise<void>;
}

/** The configuration both hosts share; a login limit per account so a 429 can be provoked. */
export function pairConfig(dir: string): Config {
  return loadConfig(
    serverEnv(join(dir, "unused.db"), {
      LOG_LEVEL: "silent",
      RATE_LIMIT_LOGIN_IP: "0",
      RATE_LIMIT_REGISTER_IP: "0",
      RATE_LIMIT_LOGIN_ACCOUNT: "3",
      WEB_DIST_DIR: join(dir, "no-spa"),
      MAIL_DIR: join(dir, "mail"),
    }),
  );
}

async function listen(app: FastifyInstance, db: DbHandle): Promise<Host> {
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export async function startFolio(config: Config, file: string): Promise<Host> {
  const db = createDb(`sqlite:${file}`);
  return listen(await buildApp(config, { db }), db);
}

/** tRPC's own Fastify adapter as its docs show it, given Folio's tRPC options. */
export async function startStock(config: Config, file: string): Promise<Host> {
  const db = createDb(`sqlite:${file}`);
  // maxParamLength as Folio's, or a 10-call batch would be Fastify's 404 before tRPC runs.
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: 2000 } });
  const deps: AppDeps = {
    db: db.db,
    auth: { secret: resolveJwtSecret(config).key, ttlSeconds: config.accessTokenTtlSeconds },
    limits: createRateLimits(config.rateLimits, { kind: "memory" }),
    // Mail as Folio's host sets it up (an outbox sending .eml files into MAIL_DIR), closed the
    // same way.
    mail: startMail(config, app.log, db.db),
  };
  deps.mail.outbox.start();
  app.addHook("onClose", () => deps.mail.outbox.close());
  await app.register(fastifyTRPCPlugin, { prefix: TRPC_PREFIX, trpcOptions: trpcOptions(deps) });
  return listen(app, db);
}

export interface Fixtures {
  dir: string;
  config: Config;
  /** A migrated database file holding whatever `seed` put in through a Folio host. */
  file: string;
}

/** Migrates a fixture database and lets `seed` fill it through a Folio host (then closed). */
export async function createFixtures<T>(
  seed: (host: Host, config: Config) => Promise<T>,
): Promise<Fixtures & { seeded: T }> {
  const dir = mkdtempSync(join(tmpdir(), "folio-differential-"));
  const config = pairConfig(dir);
  const file = join(dir, "fixture.db");
  const db = createDb(`sqlite:${file}`);
  await migrateToLatest(db.db, db.dialect);
  await db.close();
  const host = await startFolio(config, file);
  try {
    return { dir, config, file, seeded: await seed(host, config) };
  } finally {
    // Closing checkpoints the WAL into the file, so a plain copy holds every row.
    await host.close();
  }
}

let copies = 0;

/** Both hosts, each on its own fresh copy of the fixture database. */
export async function startPair(fixtures: Fixtures): Promise<{ folio: Host; stock: Host }> {
  copies += 1;
  const folioFile = join(fixtures.dir, `folio-${copies}.db`);
  const stockFile = join(fixtures.dir, `stock-${copies}.db`);
  copyFileSync(fixtures.file, folioFile);
  copyFileSync(fixtures.file, stockFile);
  const [folio, stock] = await Promise.all([
    startFolio(fixtures.config, folioFile),
    startStock(fixtures.config, stockFile),
  ]);
  return { folio, stock };
}

export function removeFixtures(fixtures: Fixtures): void {
  rmSync(fixtures.dir, { recursive: true, force: true });
}

/**
 * The token of the link a Folio host mailed to `to` (`/verify-email` or `/reset-password`;
 * fixtures mail one of each per address), read from the .eml files in MAIL_DIR; waits for the
 * queue to write it.
 */
export async function mailedToken(
  config: Config,
  to: string,
  page: "verify-email" | "reset-password",
): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const files = existsSync(config.mail.dir)
      ? readdirSync(config.mail.dir).filter((name) => name.endsWith(".eml"))
      : [];
    for (const name of files) {
      const parsed = await simpleParser(readFileSync(join(config.mail.dir, name)));
      if (!parsed.to || !JSON.stringify(parsed.to).includes(to)) continue;
      const link = (parsed.text ?? "").split("\n").find((line) => line.includes(`/${page}#token=`));
      if (link) return new URL(link.trim()).hash.slice("#token=".length);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${page} link was mailed to ${to}`);
}
