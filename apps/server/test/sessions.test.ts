// Device sessions against the real server: the device it records, a stolen token refused right
// after its owner logs out, and expired sessions deleted when the server starts.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

const CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const ENV = { RATE_LIMIT_REGISTER_IP: "0", RATE_LIMIT_LOGIN_IP: "0" };

describe("device sessions over the wire", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ env: ENV });
  });
  afterAll(() => server?.stop());

  it("records the device a login came from and lists it, most recently seen first", async () => {
    const alice = await register(server.url);
    const login = await mutate(
      server.url,
      "auth.login",
      { login: alice.username, password: alice.password },
      { headers: { "user-agent": CHROME } },
    );
    expect(login.status).toBe(200);
    const listed = await query(
      server.url,
      "user.sessions",
      undefined,
      login.body.result.data.accessToken,
    );
    expect(listed.status).toBe(200);
    const sessions = listed.body.result.data as { userAgent: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.userAgent).toBe(CHROME);
  });

  it("refuses a stolen copy of a token right after its owner logs out", async () => {
    const bob = await register(server.url);
    const stolen = bob.accessToken;
    expect((await query(server.url, "user.me", undefined, stolen)).status).toBe(200);
    const out = await mutate(server.url, "auth.logout", undefined, { token: bob.accessToken });
    expect(out.status).toBe(200);
    const me = await query(server.url, "user.me", undefined, stolen);
    expect(me.status).toBe(401);
    expect(me.body.error.data.code).toBe("UNAUTHORIZED");
    const post = await mutate(
      server.url,
      "post.create",
      { title: "t", content: "c" },
      {
        token: stolen,
      },
    );
    expect(post.status).toBe(401);
  });

  it("answers 404 to ending another user's session, which keeps working", async () => {
    const [carol, dave] = [await register(server.url), await register(server.url)];
    const daves = await query(server.url, "user.sessions", undefined, dave.accessToken);
    const id = daves.body.result.data[0].id as string;
    const refused = await mutate(
      server.url,
      "auth.endSession",
      { id },
      { token: carol.accessToken },
    );
    expect(refused.status).toBe(404);
    expect((await query(server.url, "user.me", undefined, dave.accessToken)).status).toBe(200);
  });
});

describe("expired sessions", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "folio-sessions-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // One secret for both starts, so the kept session's token stays valid across the restart.
  const env = { ...ENV, JWT_SECRET: randomBytes(32).toString("hex") };

  it("are deleted when the server starts, live ones kept", async () => {
    const first = await spawnServer({ env, dataDir });
    const erin = await register(first.url);
    const kept = await register(first.url);
    expect(await first.stop()).toBe(0);

    const sqlite = new Database(join(dataDir, "folio.db"));
    const past = new Date(Date.now() - 60_000).toISOString();
    sqlite.prepare("update sessions set expires_at = ? where user_id = ?").run(past, erin.user.id);
    const count = () =>
      (sqlite.prepare("select count(*) as n from sessions").get() as { n: number }).n;
    expect(count()).toBe(2);

    const second = await spawnServer({ env, dataDir });
    try {
      expect(count()).toBe(1);
      const rows = sqlite.prepare("select user_id from sessions").all();
      expect(rows).toEqual([{ user_id: kept.user.id }]);
      expect((await query(second.url, "user.me", undefined, kept.accessToken)).status).toBe(200);
      expect((await query(second.url, "user.me", undefined, erin.accessToken)).status).toBe(401);
    } finally {
      sqlite.close();
      await second.stop();
    }
  });
});
