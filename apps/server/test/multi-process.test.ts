// Scale-out (issue 5): two server processes, one Postgres database, shared rate-limit counters.
// Whatever one process does, the other sees at once. Needs FOLIO_TEST_POSTGRES_URL (and
// FOLIO_TEST_REDIS_URL for the Redis store); skipped, with a warning, without them.
import { join } from "node:path";
import { folioMigrations } from "@folio/db";
import { Redis } from "ioredis";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForEml } from "./support/eml-files.js";
import { type ServerPair, startServerPair } from "./support/server-pair.js";
import { mutate, query, register, send, uploadPicture } from "./support/trpc-http.js";

const postgresUrl = process.env.FOLIO_TEST_POSTGRES_URL;
const redisUrl = process.env.FOLIO_TEST_REDIS_URL;
if (!postgresUrl) {
  console.warn(
    "\n*** FOLIO_TEST_POSTGRES_URL is not set: the multi-process tests are SKIPPED. ***\n",
  );
} else if (!redisUrl) {
  console.warn(
    "\n*** FOLIO_TEST_REDIS_URL is not set: the multi-process Redis test is SKIPPED. ***\n",
  );
}

const LIMITS = {
  RATE_LIMIT_LOGIN_ACCOUNT: "3",
  RATE_LIMIT_LOGIN_IP: "0",
  RATE_LIMIT_REGISTER_IP: "0",
  RATE_LIMIT_UPLOAD_USER: "3",
};

/** 2 wrong passwords on A, 1 on B; then the right one on either is refused with Retry-After. */
async function expectLoginLimitShared(pair: ServerPair, username: string, password: string) {
  for (const i of [0, 0, 1]) {
    const wrong = await mutate(pair.at(i), "auth.login", { login: username, password: "not it!!" });
    expect(wrong.status).toBe(401);
  }
  for (const i of [0, 1]) {
    const refused = await mutate(pair.at(i), "auth.login", { login: username, password });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.body.result).toBeUndefined(); // no session handed out
  }
}

describe.skipIf(!postgresUrl)("two server processes on one Postgres database", () => {
  let pair: ServerPair;
  /** The first account, so the owner: the other tests' accounts are ordinary authors. */
  let siteOwner: Awaited<ReturnType<typeof register>>;
  beforeAll(async () => {
    pair = await startServerPair(postgresUrl ?? "", { ...LIMITS, RATE_LIMIT_STORE: "postgres" });
    siteOwner = await register(pair.at(0), "siteowner");
  }, 60_000);

  it("applies a demotion and a suspension made on one process at the next request on the other", async () => {
    const asOwner = { token: siteOwner.accessToken };
    const editor = await register(pair.at(1));
    const writer = await register(pair.at(1));
    const setRole = await mutate(
      pair.at(0),
      "admin.setRole",
      { userId: editor.user.id, role: "editor" },
      asOwner,
    );
    expect(setRole.status).toBe(200);
    const draft = await mutate(
      pair.at(1),
      "post.create",
      { title: "Not yet", content: "Draft", status: "draft" },
      { token: writer.accessToken },
    );
    const draftId = draft.body.result.data.id;
    expect(
      (await query(pair.at(1), "post.preview", { id: draftId }, editor.accessToken)).status,
    ).toBe(200);
    expect((await query(pair.at(1), "post.review", {}, editor.accessToken)).status).toBe(200);

    // Demoted on process 0; the same token, without logging in again, on process 1.
    await mutate(pair.at(0), "admin.setRole", { userId: editor.user.id, role: "author" }, asOwner);
    const preview = await query(pair.at(1), "post.preview", { id: draftId }, editor.accessToken);
    expect(preview.status).toBe(404);
    const review = await query(pair.at(1), "post.review", {}, editor.accessToken);
    expect(review.status).toBe(403);
    expect(
      (await query(pair.at(1), "user.me", undefined, editor.accessToken)).body.result.data.role,
    ).toBe("author");

    // Suspended on process 0: refused at once on process 1; only the right password learns why.
    expect(
      (await mutate(pair.at(0), "admin.suspend", { userId: editor.user.id }, asOwner)).status,
    ).toBe(200);
    expect((await query(pair.at(1), "user.me", undefined, editor.accessToken)).status).toBe(401);
    const right = await mutate(pair.at(1), "auth.login", {
      login: editor.username,
      password: editor.password,
    });
    expect(right.status).toBe(403);
    expect(right.body.error.message).toMatch(/suspended/);
    const wrong = await mutate(pair.at(1), "auth.login", {
      login: editor.username,
      password: "not the one",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).not.toMatch(/suspended/);
  });
  afterAll(() => pair?.stop(), 60_000);

  it("both start together on an empty database and apply each migration once", async () => {
    const applied = await pair.database.query<{ name: string }>(
      "select name from kysely_migration",
    );
    expect(applied.map((row) => row.name)).toEqual(Object.keys(folioMigrations("postgres")));
    for (const i of [0, 1]) expect((await send(`${pair.at(i)}/readyz`)).status).toBe(200);
  });

  it("accepts a token issued by one process on the other", async () => {
    const alice = await register(pair.at(0));
    const me = await query(pair.at(1), "user.me", undefined, alice.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.result.data).toMatchObject({ id: alice.user.id, username: alice.username });
  });

  it("ends every session on both processes as soon as logoutAll returns on one", async () => {
    const bob = await register(pair.at(1));
    expect(
      (await mutate(pair.at(0), "auth.logoutAll", undefined, { token: bob.accessToken })).status,
    ).toBe(200);
    for (const i of [0, 1]) {
      const me = await query(pair.at(i), "user.me", undefined, bob.accessToken);
      expect(me.status).toBe(401);
      const create = await mutate(
        pair.at(i),
        "post.create",
        { title: "t", content: "c" },
        { token: bob.accessToken },
      );
      expect(create.status).toBe(401);
    }
    const posts = await pair.database.query("select id from posts where author_id = $1", [
      bob.user.id,
    ]);
    expect(posts).toEqual([]);
  });

  it("refuses a session on one process as soon as it is ended through the other", async () => {
    const erin = await register(pair.at(0));
    const login = await mutate(pair.at(0), "auth.login", {
      login: erin.username,
      password: erin.password,
    });
    const laptop = login.body.result.data.accessToken as string;
    expect((await query(pair.at(0), "user.me", undefined, laptop)).status).toBe(200);
    const listed = await query(pair.at(1), "user.sessions", undefined, erin.accessToken);
    const sessions = listed.body.result.data as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => !session.current);
    if (!other) throw new Error("no other session listed");
    const ended = await mutate(
      pair.at(1),
      "auth.endSession",
      { id: other.id },
      {
        token: erin.accessToken,
      },
    );
    expect(ended.status).toBe(200);
    for (const i of [0, 1]) {
      expect((await query(pair.at(i), "user.me", undefined, laptop)).status).toBe(401);
      expect((await query(pair.at(i), "user.me", undefined, erin.accessToken)).status).toBe(200);
    }
  });

  it("refuses a token on the other process right after auth.logout returns on one", async () => {
    const fred = await register(pair.at(1));
    const out = await mutate(pair.at(1), "auth.logout", undefined, { token: fred.accessToken });
    expect(out.status).toBe(200);
    expect((await query(pair.at(0), "user.me", undefined, fred.accessToken)).status).toBe(401);
  });

  it("counts failed logins across both processes (Postgres store)", async () => {
    const carol = await register(pair.at(0));
    await expectLoginLimitShared(pair, carol.username, carol.password);
  });

  it("keeps every one of 200 posts created at once across both processes", async () => {
    const writers = [await register(pair.at(0)), await register(pair.at(1))];
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        mutate(
          pair.at(i),
          "post.create",
          { title: `post ${i}`, content: "c" },
          { token: writers[i % 2]?.accessToken },
        ),
      ),
    );
    expect(created.map((res) => res.status)).toEqual(Array(200).fill(200));
    const ids = created.map((res) => res.body.result.data.id as number);
    expect(new Set(ids).size).toBe(200);
    const rows = await pair.database.query<{ id: number }>(
      "select id from posts where author_id = any($1)",
      [writers.map((writer) => writer.user.id)],
    );
    expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });

  it("serves a picture uploaded through one process from the other, and 404s it on both once replaced", async () => {
    const erin = await register(pair.at(0));
    const image = await sharp({
      create: { width: 64, height: 48, channels: 3, background: "#0a0" },
    })
      .png()
      .toBuffer();
    const first = await uploadPicture(pair.at(0), erin.accessToken, { id: erin.user.id, image });
    expect(first.status, first.text).toBe(200);
    const firstUrl: string = first.body.result.data.imageUrl;
    const served = await fetch(`${pair.at(1)}${firstUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(256);

    const second = await uploadPicture(pair.at(1), erin.accessToken, { id: erin.user.id, image });
    const secondUrl: string = second.body.result.data.imageUrl;
    for (const i of [0, 1]) {
      expect((await send(`${pair.at(i)}${firstUrl}`)).status).toBe(404);
      expect((await send(`${pair.at(i)}${secondUrl}`)).status).toBe(200);
    }
  });

  it("counts picture uploads of one account across both processes (Postgres store)", async () => {
    const fay = await register(pair.at(0));
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#00f" } })
      .png()
      .toBuffer();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await uploadPicture(pair.at(i), fay.accessToken, { id: fay.user.id, image });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("sends each mail exactly once from a shared outbox, whichever process took the request", async () => {
    const count = 16;
    const names = Array.from({ length: count }, (_, i) => `outbox_${process.pid}_${i}`);
    // Registrations on both processes at once: each queues a confirmation in the shared outbox.
    await Promise.all(names.map((name, i) => register(pair.at(i), name)));
    const dirs = pair.servers.map((server) => join(server.dataDir, "mail"));
    const mine = (to: string) => names.some((name) => to === `${name}@example.com`);
    await waitForEml(dirs, (all) => all.filter((m) => mine(m.to)).length >= count);
    // Both processes poll the outbox (every 5 s): give a duplicate every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const settled = (await waitForEml(dirs, () => true)).filter((m) => mine(m.to));
    expect(settled.map((m) => m.to).sort()).toEqual(names.map((n) => `${n}@example.com`).sort());
    const left = await pair.database.query("select id from mail_outbox");
    expect(left).toEqual([]);
  }, 60_000);

  it("walks the feed across both processes without a repeat or a gap while posts are added", async () => {
    const dave = await register(pair.at(0));
    for (let i = 0; i < 7; i++) {
      await mutate(
        pair.at(i),
        "post.create",
        { title: `old ${i}`, content: "c" },
        { token: dave.accessToken },
      );
    }
    // Every public post (a draft of another test is not in the feed, rightly).
    const existing = await pair.database.query<{ id: number }>(
      "select id from posts where status = 'published' and published_at <= now()",
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page === 0 || cursor; page++) {
      const input: { limit: number; cursor?: string } = cursor
        ? { limit: 25, cursor }
        : { limit: 25 };
      const res = await query(pair.at(page), "post.list", input);
      expect(res.status).toBe(200);
      seen.push(...res.body.result.data.items.map((post: { id: number }) => post.id));
      cursor = res.body.result.data.nextCursor;
      // A new post between page loads, on the process that will not serve the next page.
      await mutate(
        pair.at(page),
        "post.create",
        { title: `new ${page}`, content: "c" },
        { token: dave.accessToken },
      );
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort((a, b) => a - b)).toEqual(existing.map((row) => row.id).sort((a, b) => a - b));
  });
});

describe.skipIf(!postgresUrl || !redisUrl)(
  "two server processes with the Redis rate-limit store",
  () => {
    let pair: ServerPair;
    const account = `mp_redis_${process.pid}_${Date.now()}`;
    beforeAll(async () => {
      pair = await startServerPair(postgresUrl ?? "", {
        ...LIMITS,
        RATE_LIMIT_STORE: "redis",
        REDIS_URL: redisUrl,
      });
    }, 60_000);
    afterAll(async () => {
      // Only this test's key: other runs may share the Redis server.
      const redis = new Redis(redisUrl ?? "");
      await redis.del(`login_account:${account.toLowerCase()}`);
      await redis.quit();
      await pair?.stop();
    }, 60_000);

    it("counts failed logins across both processes (Redis store)", async () => {
      const user = await register(pair.at(1), account);
      await expectLoginLimitShared(pair, user.username, user.password);
    });
  },
);
