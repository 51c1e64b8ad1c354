import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Tests start real server processes (argon2 hashing included) on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
