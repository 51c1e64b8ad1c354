// kill -9 in the middle of a write load, restart on the same SQLite file: every post the server
// acknowledged is still there and the file passes PRAGMA integrity_check. WAL with
// synchronous=NORMAL loses no committed transaction when the process dies (only a power loss or
// OS crash can drop the last ones), and a 200 is sent only after the commit.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnServer } from "../support/spawn-server.js";
import { query, register } from "../support/trpc-http.js";
import { readDatabase } from "./support/sqlite-file.js";
import { startWriteLoad } from "./support/write-load.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a server killed with SIGKILL during a write load", () => {
  it("keeps every acknowledged post and an intact database after the restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "folio-crash-"));
    // The same secret across the restart, so the tokens issued before the crash stay valid.
    const env = { JWT_SECRET: randomBytes(32).toString("hex"), RATE_LIMIT_REGISTER_IP: "0" };
    try {
      const first = await spawnServer({ dataDir, env });
      const users = await Promise.all([1, 2, 3].map(() => register(first.url)));
      const load = startWriteLoad(
        first.url,
        users.map((user) => user.accessToken),
      );
      // Kill once a good number of writes is acknowledged and more are in flight.
      const deadline = Date.now() + 10_000;
      while (load.acknowledged.length < 60 && Date.now() < deadline) await sleep(10);
      expect(await first.stop("SIGKILL")).toBeNull(); // killed, not exited
      await load.stop();
      const acknowledged = [...load.acknowledged];
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);
      // The kill cut calls off (the load was running): connection errors, never an HTTP error.
      expect(load.failures.length).toBeGreaterThan(0);
      expect(load.failures.filter((failure) => failure.status !== undefined)).toEqual([]);

      const second = await spawnServer({ dataDir, env });
      try {
        const missing: number[] = [];
        for (const id of acknowledged) {
          const res = await query(second.url, "post.byId", { id });
          if (res.status !== 200) missing.push(id);
        }
        expect(missing).toEqual([]);
        const me = await query(second.url, "user.me", undefined, users[0]?.accessToken);
        expect(me.status).toBe(200);
      } finally {
        expect(await second.stop()).toBe(0);
      }
      const check = readDatabase(dataDir, (db) => ({
        integrity: db.pragma("integrity_check", { simple: true }),
        posts: (db.prepare("SELECT count(*) AS n FROM posts").get() as { n: number }).n,
      }));
      expect(check.integrity).toBe("ok");
      expect(check.posts).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
