// The package's shape (ADR 015): one folder per capability, only the glue at the root, and no
// import cycles, type-only ones included.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findImportCycles } from "../../../scripts/import-cycles.mjs";

const srcDir = fileURLToPath(new URL(".", import.meta.url));

/** What may sit at the root: what ties the capabilities together, and the SPA's schemas entry. */
const ROOT_FILES = ["context.ts", "index.ts", "root.ts", "schemas.ts", "trpc.ts"];

describe("packages/api layout", () => {
  it("has no import cycles", () => {
    expect(findImportCycles(srcDir)).toEqual([]);
  });

  it("keeps only the glue at the root; everything else lives in a capability folder", () => {
    const loose = readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !/\.test(-d)?\.ts$/.test(entry.name))
      .map((entry) => entry.name);
    expect(loose.sort()).toEqual(ROOT_FILES);
  });
});
