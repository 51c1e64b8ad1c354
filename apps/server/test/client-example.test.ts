// The typed example client (src/examples/client-example.ts, built to dist/) against a live server.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";

const EXAMPLE = resolve(fileURLToPath(import.meta.url), "../../dist/examples/client-example.js");

describe("the example client", () => {
  it("registers, logs in, creates a post and finds it first in the list", async () => {
    const server = await spawnServer();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE, server.url]);
      const steps = stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(steps.map((step) => step.step)).toEqual([
        "registered",
        "logged in",
        "created post",
        "listed posts",
      ]);
      expect(steps[3]).toMatchObject({ count: 1, newestIsOurs: true });
    } finally {
      await server.stop();
    }
  });
});
