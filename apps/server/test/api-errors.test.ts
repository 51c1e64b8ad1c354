// API.md's error table as seen on the wire: each code's HTTP status and body, no-store, no stacks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, query, register } from "./support/trpc-http.js";

describe("API errors on the wire (NODE_ENV=production)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer();
  });
  afterAll(() => server.stop());

  it("answers a schema failure with 400 and a zodError naming the field", async () => {
    const res = await mutate(server.url, "auth.register", {
      username: "ok_name",
      email: "not-an-email",
      password: "long enough password",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(res.body.error.data.zodError.fieldErrors)).toContain("email");
    const lookup = await mutate(server.url, "auth.login", {
      login: "ok_name",
      password: "long enough password",
    });
    expect(lookup.status).toBe(401); // the refused registration created nobody
  });

  it("answers a protected call without a token with 401", async () => {
    const res = await query(server.url, "user.me");
    expect(res.status).toBe(401);
    expect(res.body.error.data.code).toBe("UNAUTHORIZED");
  });

  it("answers a change to someone else's post with 403 and leaves it unchanged", async () => {
    const owner = await register(server.url);
    const other = await register(server.url);
    const created = await mutate(
      server.url,
      "post.create",
      { title: "Mine", content: "Original" },
      { token: owner.accessToken },
    );
    const id = created.body.result.data.id;
    const res = await mutate(
      server.url,
      "post.update",
      { id, title: "Stolen" },
      { token: other.accessToken },
    );
    expect(res.status).toBe(403);
    const after = await query(server.url, "post.byId", { id });
    expect(after.body.result.data.title).toBe("Mine");
  });

  it("answers an unknown post with 404", async () => {
    const res = await query(server.url, "post.byId", { id: 999_999 });
    expect(res.status).toBe(404);
    expect(res.body.error.data.code).toBe("NOT_FOUND");
  });

  it("answers a taken username with 409 naming the field", async () => {
    const first = await register(server.url);
    const res = await mutate(server.url, "auth.register", {
      username: first.username.toUpperCase(),
      email: "someone.else@example.com",
      password: "long enough password",
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/username/);
  });

  it("sends Cache-Control: no-store on API answers, successes and errors alike", async () => {
    const ok = await query(server.url, "post.list");
    const refused = await query(server.url, "user.me");
    const unknown = await query(server.url, "no.such.procedure");
    for (const res of [ok, refused, unknown]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("puts no stack trace in any error body", async () => {
    const bodies = await Promise.all([
      query(server.url, "user.me"),
      query(server.url, "nope"),
      query(server.url, "post.byId", { id: "x" }),
      mutate(server.url, "post.create", { title: "t", content: "c" }, { token: "garbage" }),
      // Unparseable JSON
      fetch(`${server.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      }).then(async (res) => ({ status: res.status, text: await res.text() })),
    ]);
    for (const res of bodies) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toMatch(/"stack"|\n\s+at |node_modules/);
    }
  });
});
