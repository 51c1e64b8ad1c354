// `pnpm owner <username or email>` (dist/cli/owner.js): the operator's way back to the owner's
// role, run against the database alone.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createDb, insertUser, migrateToLatest, setUserSuspended } from "@folio/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const OWNER_CLI = resolve(fileURLToPath(import.meta.url), "../../dist/cli/owner.js");

describe("pnpm owner", () => {
  let dataDir: string;
  let databaseUrl: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "folio-owner-"));
    databaseUrl = `sqlite:${join(dataDir, "folio.db")}`;
    const { db, dialect, close } = createDb(databaseUrl);
    await migrateToLatest(db, dialect);
    for (const name of ["first", "second", "third"]) {
      await insertUser(db, { username: name, email: `${name}@example.com`, passwordHash: "x" });
    }
    await setUserSuspended(db, 3, new Date().toISOString());
    await close();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [OWNER_CLI, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  async function roles() {
    const { db, close } = createDb(databaseUrl);
    const rows = await db
      .selectFrom("users")
      .select(["username", "role", "suspended_at"])
      .orderBy("id")
      .execute();
    await close();
    return rows.map((row) => [row.username, row.role, row.suspended_at !== null]);
  }

  it("makes the named account the owner and the old owner an admin, by username or email", async () => {
    const byEmail = await run("SECOND@example.com");
    expect(byEmail.code).toBe(0);
    expect(byEmail.stdout).toMatch(/second is now the owner/);
    expect(byEmail.stdout).toMatch(/first, the owner until now, is an admin/);
    expect(await roles()).toEqual([
      ["first", "admin", false],
      ["second", "owner", false],
      ["third", "author", true],
    ]);
    // In the security log, with no actor: the command line did it.
    const { db, close } = createDb(databaseUrl);
    const events = await db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "subject_username", "target_label"])
      .where("action", "=", "owner.transferred")
      .execute();
    await close();
    expect(events).toEqual([
      {
        action: "owner.transferred",
        actor_id: null,
        subject_username: "second",
        target_label: "first",
      },
    ]);
  });

  it("lifts a suspension of the new owner, and keeps exactly one owner", async () => {
    expect((await run("third")).code).toBe(0);
    expect(await roles()).toEqual([
      ["first", "admin", false],
      ["second", "author", false],
      ["third", "owner", false],
    ]);
  });

  it("changes nothing for an unknown account or without one, and says why", async () => {
    const before = await roles();
    const unknown = await run("nobody");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No account has the username or email "nobody"/);
    const missing = await run();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Usage: pnpm owner <username or email>/);
    expect(await roles()).toEqual(before);
  });
});
