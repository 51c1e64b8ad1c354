// `pnpm db:backup` (dist/cli/backup.js): a copy of the SQLite database taken while the server runs
// and writes, which a server then opens with every row.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

const BACKUP = resolve(fileURLToPath(import.meta.url), "../../dist/cli/backup.js");

function runBackup(dataDir: string, target: string) {
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, "folio.db")}` };
  return promisify(execFile)(process.execPath, [BACKUP, target], { env }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

it("copies the database while the server runs and writes, and never overwrites a file", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "folio-backup-"));
  const target = join(dataDir, "copy", "folio-backup.db");
  try {
    const server = await spawnServer({ dataDir });
    let user: Awaited<ReturnType<typeof register>>;
    try {
      user = await register(server.url);
      const post = { title: "kept", content: "in the backup" };
      expect(
        (await mutate(server.url, "post.create", post, { token: user.accessToken })).status,
      ).toBe(200);
      expect(statSync(join(dataDir, "folio.db-wal")).size).toBeGreaterThan(0);
      const first = await runBackup(dataDir, target);
      expect(first).toEqual({ code: 0, output: expect.stringContaining(target) });
      const size = statSync(target).size;
      const again = await runBackup(dataDir, target);
      expect(again.code).toBe(1);
      expect(again.output).toContain("already exists");
      expect(statSync(target).size).toBe(size);
    } finally {
      await server.stop();
    }

    // A server on the copy: the user logs in and the post is there.
    const restored = await spawnServer({ env: { DATABASE_URL: `sqlite:${target}` } });
    try {
      const login = await mutate(restored.url, "auth.login", {
        login: user.username,
        password: user.password,
      });
      expect(login.status).toBe(200);
      const page = await query(restored.url, "post.list");
      expect(page.body.result.data.items.map((item: { title: string }) => item.title)).toEqual([
        "kept",
      ]);
    } finally {
      await restored.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
