// Races over HTTP against the real process (complementing packages/api's concurrency tests on
// the router): simultaneous registrations of one name, and an account's deletion racing its own
// update and writes. The database decides (unique index, foreign keys), never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { mutate, query, register } from "../support/trpc-http.js";
import { orphanPostCount, readDatabase } from "./support/sqlite-file.js";

let server: RunningServer;

beforeAll(async () => {
  server = await spawnServer({
    env: { RATE_LIMIT_LOGIN_IP: "0", RATE_LIMIT_LOGIN_ACCOUNT: "0", RATE_LIMIT_REGISTER_IP: "0" },
  });
});
afterAll(() => server?.stop());

const ROUNDS = 4;

describe("simultaneous registrations of one username", () => {
  it.each([
    ["the same case", "same", (name: string) => [name, name]],
    ["different cases", "cased", (name: string) => [name, name.toUpperCase()]],
  ])("give exactly one 200 and one 409 naming username, in %s", async (_label, tag, spell) => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = `racer_${tag}_${round}`;
      const answers = await Promise.all(
        spell(name).map((username, index) =>
          mutate(server.url, "auth.register", {
            username,
            email: `${name}.${index}@example.com`,
            password: "long enough password",
          }),
        ),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 409]);
      const conflict = answers.find((res) => res.status === 409);
      expect(conflict?.body.error.message).toMatch(/username/i);
      expect(Object.keys(conflict?.body.error.data.zodError.fieldErrors)).toEqual(["username"]);
      // One account exists, under the winner's email only.
      const users = readDatabase(server.dataDir, (db) =>
        db.prepare("SELECT email FROM users WHERE lower(username) = lower(?)").all(name),
      );
      expect(users).toHaveLength(1);
    }
  });
});

describe("an account deleted while it is being updated and written to", () => {
  it("ends with the account and all its posts gone, no orphan and no 500", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await register(server.url);
      const as = { token: user.accessToken };
      for (let index = 0; index < 3; index += 1) {
        await mutate(server.url, "post.create", { title: `p${index}`, content: "c" }, as);
      }
      const [update, deletion, ...writes] = await Promise.all([
        mutate(server.url, "user.update", { id: user.user.id, username: `${user.username}_r` }, as),
        mutate(server.url, "user.delete", { id: user.user.id }, as),
        ...Array.from({ length: 4 }, (_, index) =>
          mutate(server.url, "post.create", { title: `late${index}`, content: "c" }, as),
        ),
      ]);
      expect(deletion?.status).toBe(200);
      // Before the deletion: 200; after it: the token's user is gone, so 401.
      for (const res of [update, ...writes]) expect([200, 401]).toContain(res?.status);
      expect((await query(server.url, "user.byId", { id: user.user.id })).status).toBe(404);
      const left = readDatabase(server.dataDir, (db) => ({
        orphans: orphanPostCount(db),
        posts: db.prepare("SELECT count(*) AS n FROM posts WHERE author_id = ?").get(user.user.id),
        foreignKeyErrors: db.pragma("foreign_key_check"),
      }));
      expect(left).toEqual({ orphans: 0, posts: { n: 0 }, foreignKeyErrors: [] });
    }
  });
});
