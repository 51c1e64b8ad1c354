// Logs: one line per request (method, path without query, status, time, user id), secrets
// never written.
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

describe("request logs", () => {
  it("write one line per request with its user, and never a password, token or query input", async () => {
    const server = await spawnServer();
    try {
      const user = await register(server.url);
      await mutate(server.url, "auth.login", { login: user.username, password: user.password });
      await mutate(server.url, "auth.login", { login: user.username, password: "secret-typo-pw" });
      await query(server.url, "user.me", undefined, user.accessToken);
      await query(server.url, "post.list", { limit: 7, cursor: "private-cursor-text" });

      // The last line is written just after its answer was sent.
      await server.waitForLog((entry) => entry.path === "/trpc/post.list");
      const entries = server.logEntries().filter((entry) => entry.msg === "request");
      expect(entries).toHaveLength(5);
      const me = entries.find((entry) => entry.path === "/trpc/user.me");
      expect(me).toMatchObject({ method: "GET", status: 200, userId: user.user.id });
      expect(typeof me?.responseTimeMs).toBe("number");
      const list = entries.find((entry) => entry.path === "/trpc/post.list");
      expect(list?.userId).toBeUndefined();

      const logs = server.logs();
      expect(logs).not.toContain(user.password);
      expect(logs).not.toContain("secret-typo-pw");
      expect(logs).not.toContain(user.accessToken);
      expect(logs).not.toContain("private-cursor-text");
    } finally {
      await server.stop();
    }
  });
});
