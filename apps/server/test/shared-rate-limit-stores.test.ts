// RATE_LIMIT_STORE=redis|postgres: two server processes share one count, so adding processes
// does not multiply an attacker's attempts. Needs FOLIO_TEST_REDIS_URL / FOLIO_TEST_POSTGRES_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate } from "./support/trpc-http.js";

const redisUrl = process.env.FOLIO_TEST_REDIS_URL;
const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
if (!redisUrl) console.warn("FOLIO_TEST_REDIS_URL is not set: skipping the Redis store test");
if (!postgresUrl)
  console.warn("FOLIO_TEST_POSTGRES_URL is not set: skipping the Postgres store test");

/** Failed logins for one (random) account, alternating between the processes; the statuses. */
async function failAcross(servers: RunningServer[]): Promise<number[]> {
  const account = `shared_${randomBytes(6).toString("hex")}`;
  // A private address per run: other test runs on the same Redis never share these counters.
  const address = `10.${randomBytes(3).join(".")}`;
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = servers[i % servers.length] as RunningServer;
    const res = await mutate(
      server.url,
      "auth.login",
      { login: account, password: "wrong password" },
      { headers: { "x-forwarded-for": address } },
    );
    statuses.push(res.status);
  }
  return statuses;
}

const limits = { RATE_LIMIT_LOGIN_ACCOUNT: "2", RATE_LIMIT_LOGIN_IP: "0", TRUST_PROXY: "1" };

describe("shared rate-limit stores", () => {
  it.skipIf(!redisUrl)("count across processes in Redis", async () => {
    const env = { ...limits, RATE_LIMIT_STORE: "redis", REDIS_URL: redisUrl };
    const servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
    try {
      expect(await failAcross(servers)).toEqual([401, 401, 429]);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });

  it.skipIf(!postgresUrl)("count across processes in Postgres, on a fresh database", async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const name = `folio_server_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl ?? "");
    url.pathname = `/${name}`;
    const env = { ...limits, RATE_LIMIT_STORE: "postgres", DATABASE_URL: url.toString() };
    try {
      // One after the other: both would otherwise race to run the migrations.
      const first = await spawnServer({ env });
      const second = await spawnServer({ env });
      try {
        expect(await failAcross([first, second])).toEqual([401, 401, 429]);
      } finally {
        await Promise.all([first.stop(), second.stop()]);
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
