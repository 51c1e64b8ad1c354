// `@folio/api/policy` ships inside the SPA: everything it loads at run time must be the policy's
// own pure files, never a package (server code, or even zod, which would bloat the entry chunk).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { can, hasPermission, ROLES } from "./client-rules.js";

const entry = fileURLToPath(new URL("./client-rules.ts", import.meta.url));

/** Specifiers of the imports and re-exports that remain in the emitted JavaScript. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const statements = text.matchAll(
    /^(?:import|export)\s+(type\s+)?[^;]*?from\s*["']([^"']+)["']/gm,
  );
  const bare = text.matchAll(/^import\s*["']([^"']+)["']/gm);
  return [
    ...[...statements].filter((match) => !match[1]).map((match) => match[2] as string),
    ...[...bare].map((match) => match[1] as string),
  ];
}

/** Every file reached from `file` through run-time imports, with each one's specifiers. */
function closure(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = runtimeImports(file);
  seen.set(file, specifiers);
  for (const specifier of specifiers.filter((spec) => spec.startsWith("."))) {
    closure(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")), seen);
  }
  return seen;
}

describe("the policy entry for clients", () => {
  it("loads only the policy's own files at run time, no package at all", () => {
    const reached = closure(entry);
    const packages = [...reached.values()].flat().filter((spec) => !spec.startsWith("."));
    expect(packages).toEqual([]);
    // The walk really follows imports: can.ts and roles.ts are reached.
    expect([...reached.keys()].map((path) => path.split("/").pop()).sort()).toEqual([
      "can.ts",
      "client-rules.ts",
      "roles.ts",
    ]);
  });

  it("would notice a package imported by a file it reaches", () => {
    const authorizeSource = readFileSync(resolve(dirname(entry), "authorize.ts"), "utf8");
    expect(authorizeSource).toMatch(/from "@trpc\/server"/);
    expect(runtimeImports(resolve(dirname(entry), "authorize.ts"))).toContain("@trpc/server");
  });

  it("answers as the server's rules do", () => {
    expect(ROLES[0]).toBe("reader");
    expect(hasPermission("editor", "post.moderate")).toBe(true);
    const draft = { authorId: 2, state: "draft" as const };
    expect(can({ id: 2, role: "contributor" }, "publish", draft)).toBe(false);
    expect(can({ id: 3, role: "editor" }, "publish", draft)).toBe(true);
  });
});
