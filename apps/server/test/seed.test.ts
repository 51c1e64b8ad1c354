// `pnpm db:seed` (dist/seed.js): a demo blog the server then serves; a second run adds nothing.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, query } from "./support/trpc-http.js";

const SEED = resolve(fileURLToPath(import.meta.url), "../../dist/seed.js");

describe("the demo seed", () => {
  it("writes users and dated posts once, which the server then serves", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "folio-seed-"));
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, "folio.db")}` };
    const run = () => promisify(execFile)(process.execPath, [SEED], { env });
    try {
      const first = await run();
      expect(first.stdout).toMatch(/alice \/ alice-demo-password/);
      const second = await run();
      expect(second.stdout).toMatch(/already exist/);

      const server = await spawnServer({ dataDir });
      try {
        const login = await mutate(server.url, "auth.login", {
          login: "alice",
          password: "alice-demo-password",
        });
        expect(login.status).toBe(200);
        const page = await query(server.url, "post.list", { limit: 50 });
        const items = page.body.result.data.items as { createdAt: string }[];
        expect(items.length).toBeGreaterThanOrEqual(24);
        expect(items.length).toBeLessThan(50); // the second run did not duplicate them
        expect(Date.parse(items.at(-1)?.createdAt ?? "")).toBeLessThan(
          Date.now() - 30 * 86_400_000,
        );
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
