// In development tRPC would attach a stack trace to every error; Folio keeps one only on a 500
// (a bug, where a developer wants it). Refusals never carry one, in any mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, query } from "./support/trpc-http.js";

describe("errors in development", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ env: { NODE_ENV: "development" } });
  });
  afterAll(() => server.stop());

  it("carry no stack trace on refusals (400, 401, 404)", async () => {
    const answers = await Promise.all([
      mutate(server.url, "auth.register", { username: "a", email: "x", password: "short" }),
      query(server.url, "user.me"),
      query(server.url, "post.byId", { id: 12345 }),
      query(server.url, "no.such.procedure"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([400, 401, 404, 404]);
    for (const answer of answers) {
      expect(answer.body.error.data.stack).toBeUndefined();
      expect(answer.text).not.toMatch(/\n\s+at |node_modules/);
    }
  });
});
