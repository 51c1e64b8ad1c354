// Every /trpc body under its limit whatever its content type (issue #11, ADR 010): over the real
// server, by Content-Length and chunked, public and protected, single and batched; the server's
// memory under many oversized uploads at once; trickled bodies and headers.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { register } from "../support/trpc-http.js";
import { bytes, type RawResult, rawUpload } from "./support/raw-upload.js";

const MiB = 1024 * 1024;
const BOUNDARY = "folioBoundary7MA4YWxkTrZu0gW";

/** A body of exactly `size` bytes of the given type: framing around a run of filler. */
function bodyOf(
  type: string,
  size: number,
): { contentType?: string; pieces: () => Iterable<Buffer> } {
  const framed = (contentType: string | undefined, prefix: string, suffix: string) => ({
    contentType,
    *pieces() {
      yield Buffer.from(prefix);
      yield* bytes(size - prefix.length - suffix.length);
      yield Buffer.from(suffix);
    },
  });
  switch (type) {
    case "json":
      return framed("application/json", '{"login":"', '","password":"x"}');
    case "multipart":
      return framed(
        `multipart/form-data; boundary=${BOUNDARY}`,
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="login"\r\n\r\n`,
        `\r\n--${BOUNDARY}--\r\n`,
      );
    case "urlencoded":
      return framed("application/x-www-form-urlencoded", "login=", "&password=x");
    case "octet":
      return framed("application/octet-stream", "", "");
    case "text":
      return framed("text/plain", "", "");
    case "none":
      return framed(undefined, "", "");
    default:
      return framed("application/x-folio-made-up", "", "");
  }
}

const TYPES = ["json", "multipart", "urlencoded", "octet", "text", "none", "made-up"];

describe("body limits on every /trpc path, whatever the content type", () => {
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    server = await spawnServer();
    token = (await register(server.url)).accessToken;
  });
  afterAll(() => server.stop());

  const upload = (
    path: string,
    type: string,
    size: number,
    options: { chunked: boolean; auth: boolean; closeWaitMs?: number },
  ): Promise<RawResult> => {
    const body = bodyOf(type, size);
    const headers: Record<string, string> = {};
    if (body.contentType) headers["content-type"] = body.contentType;
    if (options.auth) headers.authorization = `Bearer ${token}`;
    if (!options.chunked) headers["content-length"] = String(size);
    return rawUpload({
      url: server.url,
      path,
      headers,
      body: body.pieces(),
      chunked: options.chunked,
      closeWaitMs: options.closeWaitMs,
    });
  };

  const calls = [
    { name: "public single", path: "/trpc/auth.login", auth: false },
    { name: "public batch", path: "/trpc/auth.login,auth.login?batch=1", auth: false },
    { name: "protected single", path: "/trpc/post.create", auth: true },
    { name: "protected batch", path: "/trpc/post.create,post.create?batch=1", auth: true },
  ];
  const cases = TYPES.flatMap((type) =>
    calls.flatMap((call) =>
      [false, true].map((chunked) => ({
        ...call,
        type,
        chunked,
        label: `${type}, ${call.name}, ${chunked ? "chunked" : "Content-Length"}`,
      })),
    ),
  );

  it.each(cases)("$label: 1 MiB + 1 byte → 413 PAYLOAD_TOO_LARGE, connection closed", async (c) => {
    const res = await upload(c.path, c.type, MiB + 1, c);
    expect(res.status).toBe(413);
    expect(res.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.body.error.data.httpStatus).toBe(413);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.closed).toBe(true);
  });

  it.each(cases)("$label: exactly 1 MiB is not a 413", async (c) => {
    const res = await upload(c.path, c.type, MiB, { ...c, closeWaitMs: 0 });
    expect(res.status).not.toBeNull();
    expect(res.status).not.toBe(413);
    // A type no procedure takes is refused as such, and so is multipart to these JSON
    // procedures (only user.setPicture takes it); JSON reaches tRPC (its own 4xx).
    if (c.type === "json") expect([400, 401, 404]).toContain(res.status);
    else expect(res.status).toBe(415);
    // A batch answers one error per call.
    const error = Array.isArray(res.body) ? res.body[0].error : res.body.error;
    expect(error.data.httpStatus).toBe(res.status);
  });

  it("a declared Content-Length over the limit is answered before the body is sent", async () => {
    const res = await rawUpload({
      url: server.url,
      path: "/trpc/auth.login",
      headers: { "content-type": "application/json", "content-length": String(10 * MiB) },
      headersOnly: true,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.bytesSent).toBe(0);
    expect(res.closed).toBe(true);
  });

  it("a made-up content type is refused (415) before the body is sent", async () => {
    const res = await rawUpload({
      url: server.url,
      path: "/trpc/post.create",
      headers: {
        "content-type": "application/x-folio-made-up",
        "content-length": "1000",
        authorization: `Bearer ${token}`,
      },
      headersOnly: true,
    });
    expect(res.status).toBe(415);
    expect(res.body.error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(res.bytesSent).toBe(0);
    expect(res.closed).toBe(true);
  });

  it("a made-up type with a 10 MB Content-Length is refused before the body is sent", async () => {
    const res = await rawUpload({
      url: server.url,
      path: "/trpc/auth.login",
      headers: { "content-type": "application/x-folio-made-up", "content-length": String(10e6) },
      headersOnly: true,
    });
    expect([413, 415]).toContain(res.status);
    expect(res.bytesSent).toBe(0);
    expect(res.closed).toBe(true);
  });

  it("multipart reaches tRPC as FormData only for user.setPicture; a JSON procedure refuses it (415)", async () => {
    const form = new FormData();
    form.set("login", "someone");
    const login = await fetch(`${server.url}/trpc/auth.login`, { method: "POST", body: form });
    const refused = (await login.json()) as { error: { data: { code: string } } };
    expect(login.status).toBe(415);
    expect(refused.error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");

    const picture = new FormData();
    picture.set("id", "not a number");
    const res = await fetch(`${server.url}/trpc/user.setPicture`, {
      method: "POST",
      body: picture,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { error: { data: { code: string; path: string } } };
    expect(res.status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.path).toBe("user.setPicture");
  });

  describe("user.setPicture's 6 MiB (the procedure may not exist yet: 404 is not a 413)", () => {
    it.each([false, true])(
      "chunked %s: 6 MiB passes the limit, 6 MiB + 1 does not",
      async (chunked) => {
        const under = await upload("/trpc/user.setPicture", "multipart", 6 * MiB, {
          chunked,
          auth: true,
          closeWaitMs: 0,
        });
        expect(under.status).not.toBeNull();
        expect(under.status).not.toBe(413);
        const over = await upload("/trpc/user.setPicture", "multipart", 6 * MiB + 1, {
          chunked,
          auth: true,
        });
        expect(over.status).toBe(413);
        expect(over.closed).toBe(true);
      },
    );

    it.each([
      "/trpc/user.setPicture?batch=1",
      "/trpc/user.setPicture,user.setPicture?batch=1",
      "/trpc/user.setPicture,post.create?batch=1",
      "/trpc/user.setPicture,user.setPicture",
    ])("a batch never raises the limit: %s gets 1 MiB", async (path) => {
      const res = await upload(path, "multipart", MiB + 1, { chunked: true, auth: true });
      expect(res.status).toBe(413);
      expect(res.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    });
  });
});

describe("memory under many oversized uploads at once", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer();
  });
  afterAll(() => server.stop());

  const memoryKiB = (field: "VmRSS" | "VmHWM") => {
    const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  };

  it("20 concurrent 50 MB chunked uploads: each cut with 413, the server's peak memory grows < 128 MB", async () => {
    const types = ["multipart", "json", "text", "made-up", "octet"];
    // Warm up every path once so lazy initialisation is not counted as growth.
    for (const type of types) {
      const body = bodyOf(type, 10);
      await rawUpload({
        url: server.url,
        path: "/trpc/auth.login",
        headers: body.contentType ? { "content-type": body.contentType } : {},
        body: body.pieces(),
        chunked: true,
        closeWaitMs: 0,
      });
    }
    const before = memoryKiB("VmHWM");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const type = types[i % types.length] ?? "multipart";
        const body = bodyOf(type, 50e6);
        return rawUpload({
          url: server.url,
          path: i % 2 ? "/trpc/auth.login" : "/trpc/post.create,post.create?batch=1",
          headers: body.contentType ? { "content-type": body.contentType } : {},
          body: body.pieces(),
          chunked: true,
        });
      }),
    );
    const after = memoryKiB("VmHWM");
    if (process.env.FOLIO_TEST_SHOW_MEMORY)
      console.log(`peak RSS growth: ${(after - before) / 1024} MB`);
    for (const res of results) {
      expect(res.status).toBe(413);
      expect(res.closed).toBe(true);
      // Cut early: what got out of the client is the limit plus what socket buffers took.
      expect(res.bytesSent).toBeLessThan(20e6);
    }
    // 20 bodies of at most 1 MiB each plus socket buffers and GC slack; unbounded it is ~1 GB.
    expect((after - before) / 1024).toBeLessThan(128);
    expect(memoryKiB("VmRSS")).toBeGreaterThan(0);
  });
});

describe("server timeouts (REQUEST_TIMEOUT=2s, HEADERS_TIMEOUT=1s)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ env: { REQUEST_TIMEOUT: "2s", HEADERS_TIMEOUT: "1s" } });
  });
  afterAll(() => server.stop());

  async function* trickle(piece: Buffer, everyMs: number, count: number) {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      yield piece;
    }
  }

  it.each(["json", "multipart"])(
    "a %s body trickling in a few bytes a second is cut with 408 and the socket closed",
    async (type) => {
      const body = bodyOf(type, 1000);
      const res = await rawUpload({
        url: server.url,
        // Each type to a procedure that takes it.
        path: type === "multipart" ? "/trpc/user.setPicture" : "/trpc/auth.login",
        headers: { "content-type": body.contentType ?? "", "content-length": "1000" },
        // 4 bytes every 250 ms would take over a minute to send 1000 bytes.
        body: trickle(Buffer.from("aaaa"), 250, 250),
      });
      expect(res.status).toBe(408);
      expect(res.closed).toBe(true);
      expect(res.bytesSent).toBeLessThan(1000);
    },
  );

  it("a request whose headers never finish is dropped by the server", async () => {
    const res = await rawUpload({
      url: server.url,
      path: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      trickle: { everyMs: 200 },
    });
    expect(res.closed).toBe(true);
    expect([408, null]).toContain(res.status);
  });
});
