// Headless Debian Chromium through playwright-core. Missing Chromium fails loudly under CI
// (CI installs it) and skips with a warning elsewhere, so a laptop without it can still test.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { describe, it } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const onCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Each launch gets Playwright's own fresh temporary profile (user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** `describe`, unless there is no Chromium: then a failing test on CI, a skip elsewhere. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (onCi) {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH); CI needs it`);
      });
    });
    return;
  }
  console.warn(`[e2e] SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
  describe.skip(name, body);
}
