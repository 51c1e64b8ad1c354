// Wire limits: at most 10 calls per batch (refused whole, nothing runs) and 1 MiB bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { query, register, send } from "./support/trpc-http.js";

function batchOfCreates(base: string, size: number, token: string) {
  const paths = Array.from({ length: size }, () => "post.create").join(",");
  const inputs = Object.fromEntries(
    Array.from({ length: size }, (_, i) => [i, { title: `Batch ${size} #${i}`, content: "x" }]),
  );
  return send(`${base}/trpc/${paths}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(inputs),
  });
}

async function postCount(base: string, userId: number): Promise<number> {
  const res = await query(base, "post.byUser", { userId, limit: 50 });
  return res.body.result.data.items.length;
}

describe("batching and body limits", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer();
  });
  afterAll(() => server.stop());

  it("runs a batch of 10 calls", async () => {
    const user = await register(server.url);
    const res = await batchOfCreates(server.url, 10, user.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    expect(await postCount(server.url, user.user.id)).toBe(10);
  });

  it("refuses a batch of 11 calls whole with 400 and writes nothing", async () => {
    const user = await register(server.url);
    const res = await batchOfCreates(server.url, 11, user.accessToken);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/BAD_REQUEST/);
    expect(await postCount(server.url, user.user.id)).toBe(0);
  });

  it("refuses an 11-call batch of queries too", async () => {
    const paths = Array.from({ length: 11 }, () => "post.list").join(",");
    const res = await send(`${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(res.status).toBe(400);
  });

  it("refuses a body over 1 MiB with 413 and a tRPC PAYLOAD_TOO_LARGE error, writing nothing", async () => {
    const user = await register(server.url);
    const res = await send(`${server.url}/trpc/post.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${user.accessToken}` },
      body: JSON.stringify({ title: "Big", content: "x".repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await postCount(server.url, user.user.id)).toBe(0);
  });

  it("refuses an oversized body of any content type with 413", async () => {
    const res = await send(`${server.url}/trpc/post.create`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x".repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a body just under 1 MiB (the post is then refused by its own rules, not size)", async () => {
    const user = await register(server.url);
    const res = await send(`${server.url}/trpc/post.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${user.accessToken}` },
      body: JSON.stringify({ title: "Big", content: "x".repeat(1000 * 1000) }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.data.zodError.fieldErrors)).toEqual(["content"]);
  });
});
