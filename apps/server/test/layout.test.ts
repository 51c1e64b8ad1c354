// The host's shape (ADR 015): grouped by what it does, main.ts and app.ts at the root, and no
// import cycles, type-only ones included.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findImportCycles } from "../../../scripts/import-cycles.mjs";

const srcDir = fileURLToPath(new URL("../src", import.meta.url));
const testDir = fileURLToPath(new URL(".", import.meta.url));

describe("apps/server layout", () => {
  it("has no import cycles in its code or its tests", () => {
    expect(findImportCycles(srcDir)).toEqual([]);
    expect(findImportCycles(testDir)).toEqual([]);
  });

  it("keeps only main.ts, app.ts and the package entry at the root of src", () => {
    const loose = readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect(loose.sort()).toEqual(["app.ts", "index.ts", "main.ts"]);
  });
});
