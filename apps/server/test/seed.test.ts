// `pnpm db:seed` (dist/cli/seed.js): a demo blog the server then serves; a second run adds nothing.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { mutate, query } from "./support/trpc-http.js";

const SEED = resolve(fileURLToPath(import.meta.url), "../../dist/cli/seed.js");

describe("the demo seed", () => {
  it("writes users with pictures and dated posts once, which the server then serves", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "folio-seed-"));
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, "folio.db")}` };
    const run = () => promisify(execFile)(process.execPath, [SEED], { env });
    try {
      const first = await run();
      expect(first.stdout).toMatch(/alice \/ alice-demo-password/);
      // One login of each role, printed with it.
      for (const role of ["owner", "admin", "editor", "author", "contributor", "reader"]) {
        expect(first.stdout).toMatch(new RegExp(`\\w+ / [\\w-]+ \\(${role}\\)`));
      }
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
        // Every demo user has a picture, made by the upload pipeline and served like one.
        const me = login.body.result.data.user as { imageUrl: string | null };
        expect(me.imageUrl).toMatch(/^\/pictures\/[A-Za-z0-9_-]{22}\.webp$/);
        const authors = new Map(
          (
            page.body.result.data.items as { author: { id: number; imageUrl: string | null } }[]
          ).map((post) => [post.author.id, post.author.imageUrl]),
        );
        expect(authors.size).toBe(3);
        // The pending post waits in the editor's queue; neither it nor the scheduled post nor
        // the draft is in the public list.
        const editor = await mutate(server.url, "auth.login", {
          login: "bob",
          password: "bob-demo-password",
        });
        expect(editor.body.result.data.user.role).toBe("editor");
        const queue = await query(
          server.url,
          "post.review",
          {},
          editor.body.result.data.accessToken,
        );
        expect(queue.body.result.data.items.map((post: { status: string }) => post.status)).toEqual(
          ["pending"],
        );
        const titles = (page.body.result.data.items as { title: string }[]).map((p) => p.title);
        expect(titles).not.toContain("My first week as a contributor");
        expect(titles).not.toContain("Next week: the Loire, part two");
        expect(titles).not.toContain("Half an idea about bicycle bells");
        for (const url of authors.values()) {
          const picture = await fetch(`${server.url}${url}`);
          expect(picture.status).toBe(200);
          expect(picture.headers.get("content-type")).toBe("image/webp");
          const metadata = await sharp(Buffer.from(await picture.arrayBuffer())).metadata();
          expect([metadata.format, metadata.width, metadata.height]).toEqual(["webp", 256, 256]);
        }
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
