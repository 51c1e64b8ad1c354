// A bug (here: a table dropped under the running server) answers 500 with a generic message;
// the cause, with the procedure's path, goes to the server log only.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { query } from "./support/trpc-http.js";

describe("internal errors", () => {
  it("answer 500 with a generic message and log the cause on the server", async () => {
    const server = await spawnServer();
    try {
      const sqlite = new Database(join(server.dataDir, "folio.db"));
      sqlite.exec("DROP TABLE posts");
      sqlite.close();

      const res = await query(server.url, "post.list");
      expect(res.status).toBe(500);
      expect(res.body.error.data.code).toBe("INTERNAL_SERVER_ERROR");
      expect(res.text).not.toMatch(/posts|sqlite|SELECT|"stack"/i);

      const logged = await server.waitForLog((entry) => entry.msg === "tRPC call failed");
      expect(logged.path).toBe("post.list");
      expect(JSON.stringify(logged.err)).toMatch(/no such table: posts/);
    } finally {
      await server.stop();
    }
  });
});
