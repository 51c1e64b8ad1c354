// The SPA imports only *types* from @folio/api (plus the zod-only `@folio/api/schemas`), so no
// server code may reach the built bundle. This scans dist/ for strings that each server
// library carries in its code. They are string literals, not identifiers: a minifier renames
// `SqliteDialect` or `jwtVerify`, but keeps "sqlite_master" or "ERR_JWT_EXPIRED".
// So that the check can fail, a second test proves every marker really occurs in its library.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = resolve(fileURLToPath(import.meta.url), "../../../..");
const dist = join(repo, "apps/web/dist");

/** Where a dependency of a workspace package lives (pnpm symlinks, resolved). */
const dependencyDir = (owner: string, name: string) =>
  realpathSync(join(repo, owner, "node_modules", name));

const SERVER_CODE = [
  { library: "kysely", dir: () => dependencyDir("packages/db", "kysely"), marker: "sqlite_master" },
  {
    library: "better-sqlite3",
    dir: () => dependencyDir("packages/db", "better-sqlite3"),
    marker: "better_sqlite3.node",
  },
  { library: "pg", dir: () => dependencyDir("packages/db", "pg"), marker: "SCRAM-SHA-256" },
  {
    library: "pg-protocol",
    // pnpm puts pg's own dependencies next to it.
    dir: () => join(dependencyDir("packages/db", "pg"), "../pg-protocol"),
    marker: "bindComplete",
  },
  {
    library: "jose",
    dir: () => dependencyDir("packages/api", "jose"),
    marker: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
  },
  {
    library: "@node-rs/argon2",
    dir: () => dependencyDir("packages/api", "@node-rs/argon2"),
    marker: "@node-rs/argon2",
  },
  {
    library: "@folio/api (server side)",
    dir: () => join(repo, "packages/api/dist"),
    marker: "Wrong username/email or password.",
  },
];

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => extensions.test(path) && statSync(path).isFile());
}

const contains = (files: string[], marker: string) =>
  files.filter((path) => readFileSync(path, "utf8").includes(marker));

describe("the built SPA", () => {
  it("exists (build apps/web first: turbo's test task depends on build)", () => {
    expect(filesUnder(dist, /\.js$/).length).toBeGreaterThan(0);
  });

  it.each(SERVER_CODE)("contains no $library code", ({ marker }) => {
    expect(contains(filesUnder(dist, /\.(js|html)$/), marker)).toEqual([]);
  });
});

describe("the markers", () => {
  it.each(SERVER_CODE)("occur in $library itself, so the scan can fail", ({ dir, marker }) => {
    expect(contains(filesUnder(dir(), /\.(c|m)?js$/), marker).length).toBeGreaterThan(0);
  });
});
