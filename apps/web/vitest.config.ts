import { defineConfig } from "vitest/config";

// `vitest run` runs both projects: unit tests (fast, Node) and browser tests (real server +
// headless Chromium, see e2e/support/browser.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "browser",
          include: ["e2e/**/*.test.ts"],
          // Each file starts its own server and browser; on 2 shared cores one at a time is
          // faster than contention, and argon2 hashing makes single steps slow.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
