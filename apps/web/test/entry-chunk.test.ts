// The Markdown renderer (react-markdown, remark-gfm, micromark, mdast-util-to-hast) is fetched
// only where Markdown is shown: nothing the home page loads up front (index.html's entry script,
// its modulepreloads and everything they import statically) carries it. The marker is a string
// from mdast-util-to-hast, which a minifier keeps; a second test proves it is really there.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const web = resolve(fileURLToPath(import.meta.url), "../..");
const assets = join(web, "dist/assets");
const MARKER = "footnote-label";

const read = (file: string) => readFileSync(join(assets, file), "utf8");

/** The chunks the entry loads before anything else: static imports, followed to the end. */
function upFrontChunks(): string[] {
  const html = readFileSync(join(web, "dist/index.html"), "utf8");
  const pending = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(
    (m) => m[1] ?? "",
  );
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() ?? "";
    if (seen.has(file)) continue;
    seen.add(file);
    const code = read(file);
    // `import … from "./x.js"` and `import "./x.js"`; `import("./x.js")` is lazy and not followed.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) {
      if (match[1]) pending.push(match[1]);
    }
  }
  return [...seen];
}

describe("the home page's entry chunk", () => {
  it("exists (build apps/web first)", () => {
    expect(existsSync(assets)).toBe(true);
    expect(upFrontChunks().length).toBeGreaterThan(0);
  });

  it("loads no Markdown renderer up front; a lazy chunk holds it", () => {
    const upFront = upFrontChunks();
    expect(upFront.filter((file) => read(file).includes(MARKER))).toEqual([]);
    const lazy = readdirSync(assets).filter((f) => f.endsWith(".js") && read(f).includes(MARKER));
    expect(lazy.length).toBeGreaterThan(0);
  });

  it("uses a marker that occurs in mdast-util-to-hast itself, so the check can fail", () => {
    const reactMarkdown = realpathSync(join(web, "node_modules/react-markdown"));
    const toHast = join(reactMarkdown, "../mdast-util-to-hast/lib");
    const files = readdirSync(toHast, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".js"),
    );
    expect(files.some((f) => readFileSync(join(toHast, f), "utf8").includes(MARKER))).toBe(true);
  });
});
