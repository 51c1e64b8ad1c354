// sharp (libvips) costs ~29 MB of resident memory once loaded (bench/README.md "Memory"): the
// API loads it on the first picture, not at start. Checked in a fresh process, where nothing
// else has loaded it, against the built @folio/api the server runs.
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const PROBE = `
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const sharpLoaded = () => Object.keys(require.cache).some((file) => file.includes("/sharp/"));
const api = await import("@folio/api");
const atStart = sharpLoaded();
await api.makeProfilePicture(new Uint8Array([1, 2, 3])).catch(() => {});
console.log(JSON.stringify({ atStart, afterAPicture: sharpLoaded() }));
`;

describe("sharp", () => {
  it("is not loaded with the API, and is loaded by the first picture (so the probe can fail)", () => {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE], {
      cwd: serverDir,
      encoding: "utf8",
    });
    expect(JSON.parse(output)).toEqual({ atStart: false, afterAPicture: true });
  });
});
