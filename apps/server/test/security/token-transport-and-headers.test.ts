// The token travels only in the Authorization header (RFC 6750 §2.1; ADR 002): never in a query
// string (logged, cached, sent as Referer) nor a cookie (CSRF). No CORS grant to other origins,
// no X-Powered-By. OWASP API8 (security misconfiguration).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { query, register, send } from "../support/trpc-http.js";

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await spawnServer();
  token = (await register(server.url, "header_person")).accessToken;
});
afterAll(() => server?.stop());

describe("token transport", () => {
  it("accepts the token in the Authorization header (the control for the refusals below)", async () => {
    expect((await query(server.url, "user.me", undefined, token)).status).toBe(200);
  });

  it.each(["access_token", "token", "accessToken", "authorization", "bearer"])(
    "refuses the token in the query parameter %s",
    async (name) => {
      const value = name === "authorization" ? `Bearer ${token}` : token;
      const res = await send(`${server.url}/trpc/user.me?${name}=${encodeURIComponent(value)}`);
      expect(res.status).toBe(401);
    },
  );

  it.each(["token", "access_token", "accessToken", "authorization", "folio_token"])(
    "refuses the token in a cookie named %s",
    async (name) => {
      const res = await send(`${server.url}/trpc/user.me`, {
        headers: { cookie: `${name}=${token}` },
      });
      expect(res.status).toBe(401);
    },
  );

  it("refuses the token in a tRPC input field", async () => {
    const res = await query(server.url, "user.me", { accessToken: token, token });
    expect(res.status).toBe(401);
  });
});

describe("response headers", () => {
  const origin = "https://evil.example";

  it("grant no other origin access to /trpc, preflight or not", async () => {
    const simple = await send(`${server.url}/trpc/post.list`, { headers: { origin } });
    const withToken = await send(`${server.url}/trpc/user.me`, {
      headers: { origin, authorization: `Bearer ${token}` },
    });
    const preflight = await send(`${server.url}/trpc/post.create`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(simple.status).toBe(200); // the answers exist: only the CORS grant is missing
    for (const res of [simple, withToken, preflight]) {
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
      expect(res.headers.get("access-control-allow-headers")).toBeNull();
    }
  });

  it("never send X-Powered-By, on the API, the health checks or the SPA", async () => {
    for (const path of ["/trpc/post.list", "/trpc/no.such", "/healthz", "/", "/some/route"]) {
      const res = await send(`${server.url}${path}`);
      expect(res.headers.get("x-powered-by"), path).toBeNull();
      expect(res.headers.get("server"), path).toBeNull();
    }
  });
});
