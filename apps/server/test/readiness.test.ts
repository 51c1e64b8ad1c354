// /readyz follows the database: 200 while `select 1` answers, 503 once it cannot.
// Needs FOLIO_TEST_POSTGRES_URL (a Postgres database can be taken away from a running server).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
if (!postgresUrl) console.warn("FOLIO_TEST_POSTGRES_URL is not set: skipping the /readyz 503 test");

describe("readiness", () => {
  it.skipIf(!postgresUrl)(
    "turns 503 when the database goes away, while /healthz stays 200",
    async () => {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      const name = `folio_ready_${randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(postgresUrl ?? "");
      url.pathname = `/${name}`;
      const server = await spawnServer({ env: { DATABASE_URL: url.toString() } });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      } finally {
        await server.stop();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
