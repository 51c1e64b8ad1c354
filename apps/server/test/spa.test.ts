// The SPA side of the one process: files, index.html for client routes, headers, and the
// paths that must never answer HTML. A fake dist folder stands in for apps/web's build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { send } from "./support/trpc-http.js";

const INDEX_HTML = '<!doctype html><html><body><div id="root"></div>fake folio spa</body></html>';

function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "folio-web-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), INDEX_HTML);
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('folio');\n");
  writeFileSync(join(dir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  return dir;
}

function expectHtmlSecurityHeaders(headers: Headers) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc).toBe("'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  // API.md "Markdown": no plugins, and no <base> that could move every link of a page.
  expect(csp).toMatch(/object-src 'none'/);
  expect(csp).toMatch(/base-uri 'none'/);
  expect(headers.get("x-content-type-options")).toBe("nosniff");
}

describe("serving the built SPA", () => {
  let server: RunningServer;
  let dist: string;
  beforeAll(async () => {
    dist = fakeWebDist();
    server = await spawnServer({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    "/",
    "/posts/12",
    "/users/3",
    "/login",
    "/register",
    "/account",
    "/posts/new",
    "/no/such/page",
  ])("answers the client route %s with index.html, no-cache, CSP and nosniff", async (path) => {
    const res = await send(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expectHtmlSecurityHeaders(res.headers);
  });

  it("serves hashed assets as immutable for a year", async () => {
    const res = await send(`${server.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("serves other root files with no-cache", async () => {
    const res = await send(`${server.url}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a missing asset with a plain 404, never HTML", async () => {
    const res = await send(`${server.url}/assets/missing-123.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(res.text).not.toMatch(/<html/i);
  });

  it.each([
    "/assets/missing-123.css",
    "/assets/deep/er/nothing",
    "/assets",
    "/favicon-old.png",
    "/nope.js",
    "/a/b/c.css",
    "/users/3/avatar.webp",
    "/robots.txt",
  ])("answers the missing file %s with a plain 404, never the SPA", async (path) => {
    const res = await send(`${server.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(res.text).not.toMatch(/<html/i);
  });

  it.each(["/reset-password", "/account", "/users/3", "/posts/12/edit"])(
    "still answers the client route %s with index.html",
    async (path) => {
      const res = await send(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(INDEX_HTML);
    },
  );

  it("answers an unknown procedure with tRPC's JSON 404, never HTML", async () => {
    for (const path of ["/trpc/nope", "/trpc/a/b"]) {
      const res = await send(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.body.error.data.code).toBe("NOT_FOUND");
    }
  });

  it("does not answer a POST to a client route with the page", async () => {
    const res = await send(`${server.url}/login`, { method: "POST", body: "x" });
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/<html/i);
  });
});

describe("before the SPA is built", () => {
  it("says so in plain text instead of failing", async () => {
    const empty = mkdtempSync(join(tmpdir(), "folio-no-dist-"));
    const server = await spawnServer({ env: { WEB_DIST_DIR: empty } });
    try {
      const res = await send(`${server.url}/`);
      expect(res.headers.get("content-type")).toMatch(/text\/plain/);
      expect(res.text).toMatch(/not built/);
      expect((await send(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
