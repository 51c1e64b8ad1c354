// API.md "Limits": failed logins per address and per account, registrations per address,
// 429 with Retry-After, the correct password refused while limited, batches counted per call.
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, register, send } from "./support/trpc-http.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(env: Record<string, string>) {
  server = await spawnServer({
    env: {
      RATE_LIMIT_LOGIN_IP: "0",
      RATE_LIMIT_LOGIN_ACCOUNT: "0",
      RATE_LIMIT_REGISTER_IP: "0",
      ...env,
    },
  });
  return server.url;
}

const login = (base: string, name: string, password: string) =>
  mutate(base, "auth.login", { login: name, password });

/** A 429 whose Retry-After is whole seconds within the limit's window. */
function expectRateLimited(res: Awaited<ReturnType<typeof login>>, windowSeconds = 15 * 60) {
  expect(res.status).toBe(429);
  expect(res.body.error.data.code).toBe("TOO_MANY_REQUESTS");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe("login limits", () => {
  it("limits failed logins per client address across accounts, then refuses even the right password", async () => {
    const base = await start({ RATE_LIMIT_LOGIN_IP: "3" });
    const user = await register(base);
    for (const name of ["nobody1", "nobody2", "nobody3"]) {
      expect((await login(base, name, "wrong password")).status).toBe(401);
    }
    expectRateLimited(await login(base, "nobody4", "wrong password"));
    expectRateLimited(await login(base, user.username, user.password));
  });

  it("limits failed logins per account, unknown accounts included, ignoring case", async () => {
    const base = await start({ RATE_LIMIT_LOGIN_ACCOUNT: "2" });
    const user = await register(base);
    expect((await login(base, user.username, "wrong password")).status).toBe(401);
    expect((await login(base, user.username.toUpperCase(), "wrong password")).status).toBe(401);
    expectRateLimited(await login(base, user.username, user.password));

    for (let i = 0; i < 2; i++) {
      expect((await login(base, "Ghost.User", "wrong password")).status).toBe(401);
    }
    expectRateLimited(await login(base, "ghost.user", "wrong password"));
    // Another account from the same address is not affected.
    const other = await register(base);
    expect((await login(base, other.username, other.password)).status).toBe(200);
  });

  it("does not count successful logins", async () => {
    const base = await start({ RATE_LIMIT_LOGIN_IP: "2", RATE_LIMIT_LOGIN_ACCOUNT: "2" });
    const user = await register(base);
    for (let i = 0; i < 4; i++) {
      expect((await login(base, user.username, user.password)).status).toBe(200);
    }
  });

  it("counts every call of a batch, so a batch cannot bypass the limit", async () => {
    const base = await start({ RATE_LIMIT_LOGIN_IP: "3" });
    const paths = Array.from({ length: 10 }, () => "auth.login").join(",");
    const inputs = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [i, { login: `batch${i}`, password: "wrong password" }]),
    );
    const res = await send(`${base}/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(inputs),
    });
    const codes = (res.body as { error: { data: { code: string } } }[]).map(
      (item) => item.error.data.code,
    );
    expect(codes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(3);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(7);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("registration limits", () => {
  it("counts every registration attempt per address, refused ones included", async () => {
    const base = await start({ RATE_LIMIT_REGISTER_IP: "2" });
    await register(base);
    const invalid = await mutate(base, "auth.register", { username: "x" });
    expect(invalid.status).toBe(400);
    const refused = await mutate(base, "auth.register", {
      username: "late_comer",
      email: "late@example.com",
      password: "long enough password",
    });
    expectRateLimited(refused, 60 * 60);
    // Nothing was created by the refused attempt.
    expect((await login(base, "late_comer", "long enough password")).status).toBe(401);
  });
});

describe("comment limits", () => {
  it("limits comments per account with 429 and Retry-After, a batch included; others may comment", async () => {
    const base = await start({ RATE_LIMIT_COMMENT_USER: "2" });
    const [writer, chatty] = [await register(base), await register(base)];
    const post = await mutate(
      base,
      "post.create",
      { title: "Open thread", content: "Say something" },
      { token: writer.accessToken },
    );
    const postId = post.body.result.data.id;
    const comment = (token: string, body: string) =>
      mutate(base, "comment.create", { postId, body }, { token });
    expect((await comment(chatty.accessToken, "one")).status).toBe(200);
    const batch = await send(`${base}/trpc/comment.create,comment.create?batch=1`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${chatty.accessToken}`,
      },
      body: JSON.stringify({ 0: { postId, body: "two" }, 1: { postId, body: "three" } }),
    });
    const codes = (batch.body as { result?: unknown; error?: { data: { code: string } } }[]).map(
      (item) => item.error?.data.code ?? "OK",
    );
    expect(codes.sort()).toEqual(["OK", "TOO_MANY_REQUESTS"]);
    expectRateLimited(await comment(chatty.accessToken, "four"), 10 * 60);
    expect((await comment(writer.accessToken, "mine")).status).toBe(200);
  });
});
