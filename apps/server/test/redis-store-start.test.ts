// RATE_LIMIT_STORE=redis with no Redis answering: the process stops at start with a message
// naming the setting (never its value, which may hold a password) instead of serving logins
// that would all fail, or serving without limits.
import { createServer } from "node:net";
import { expect, it } from "vitest";
import { runServerToExit } from "./support/spawn-server.js";

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it("refuses to start when Redis does not answer, naming REDIS_URL but not its password", async () => {
  const url = `redis://:hunter2-secret@127.0.0.1:${await closedPort()}`;
  const { code, output } = await runServerToExit({
    env: { RATE_LIMIT_STORE: "redis", REDIS_URL: url },
  });
  expect(code).toBe(1);
  expect(output).toContain("RATE_LIMIT_STORE=redis: Redis at REDIS_URL did not answer");
  expect(output).not.toContain("hunter2-secret");
  expect(output).not.toContain("Folio listening");
});
