import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";

describe("health endpoints", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer();
  });
  afterAll(() => server.stop());

  it("answers /healthz with status ok", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 while the database answers", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
  });
});
