// Folio's host against tRPC's stock Fastify adapter, on the same router and identical databases:
// every procedure of the access table (success and every kind of refusal), batches, bad JSON,
// wrong methods, HEAD, unknown paths, oversized and unsupported bodies. Status, the headers
// clients rely on and the body must be identical, except for the differences listed in
// INTENTIONAL below, each asserted exactly on both sides. So neither a change to Folio's glue nor
// a tRPC upgrade can move the two apart unnoticed.
import { procedureAccess } from "@folio/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asWireInput } from "../../../packages/api/src/test-support/form-input.js";
import {
  accessPaths,
  type Fixture,
  sampleInput,
} from "../../../packages/api/src/test-support/sample-inputs.js";
import { BODY_LIMIT_BYTES } from "../src/app.js";
import { procedureKind } from "./security/support/wire-call.js";
import {
  createFixtures,
  type Fixtures,
  type Host,
  mailedToken,
  removeFixtures,
  startPair,
} from "./support/differential-pair.js";
import { send, type WireResponse } from "./support/trpc-http.js";

/** The headers a client or cache acts on. Compared on every answer (absent = null). */
const COMPARED_HEADERS = ["content-type", "retry-after", "vary"] as const;

/** Where Folio differs from the stock adapter on purpose, and why. */
const INTENTIONAL = {
  cacheControl:
    "Folio sends Cache-Control: no-store on every API answer (API.md: answers carry tokens and " +
    "private data, no cache may keep them); the stock adapter sends no Cache-Control at all.",
  contentLength:
    "Folio sends each answer as one string with a Content-Length (ADR 014); the stock adapter " +
    "pipes tRPC's web stream out with Transfer-Encoding: chunked. Same bytes, framed differently.",
  oversizedBody:
    "Past the body limit Folio answers a tRPC-shaped 413 PAYLOAD_TOO_LARGE (clients read it as a " +
    "TRPCClientError); the stock adapter lets Fastify answer its own 413 JSON, not tRPC's shape.",
  multipartToJsonProcedure:
    "Multipart to a procedure whose input is JSON gets Folio's 415 (only user.setPicture takes " +
    "FormData, so no other call parses a form: body-limits.ts); the stock adapter parses the " +
    "form and the procedure's schema refuses it with 400.",
  unsupportedContentType:
    "A content type no procedure takes gets Folio's tRPC-shaped 415 before its body is read " +
    "(body-limits.ts, ADR 010); the stock adapter reads it, then tRPC refuses text/plain with " +
    "its own 415 message and Fastify refuses other types with FST_ERR_CTP_INVALID_MEDIA_TYPE.",
} as const;

const PASSWORD = "correct horse battery";
const MISSING_ID = 987_654;
/** An id of the same kind as `value` that names nothing: a number (also as a form field's
 * text), or a random-looking string id of the same length. */
function missingLike(value: unknown): unknown {
  if (typeof value !== "string") return MISSING_ID;
  return /^\d+$/.test(value) ? String(MISSING_ID) : "A".repeat(value.length);
}

/** Only for reading which keys a sample input has, when the tests are collected. */
const PLACEHOLDER = {
  owner: { id: 1, sessionId: "s" },
  ownerElsewhere: { id: 1, sessionId: "s" },
  deputy: { id: 2 },
  member: { id: 3 },
  post: { id: 1 },
  draft: { id: 2 },
  comment: { id: 1 },
} as Fixture;

interface Seeded extends Fixture {
  intruder: { id: number; token: string; username: string; email: string };
}

interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A FormData body is sent as multipart/form-data (fetch sets the boundary). */
  body?: string | FormData;
}

function bearer(token?: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A procedure called the way tRPC's client calls it: GET ?input= or POST with a JSON body. */
/** A sample input: a JSON object, or FormData for a multipart procedure (user.setPicture). */
type Input = Record<string, unknown> | FormData | undefined;

function keysOf(input: Input): string[] {
  return input instanceof FormData ? [...new Set(input.keys())] : Object.keys(input ?? {});
}

/** `input` with some fields set (a copy: a FormData sample stays as it was). */
function withFields(input: Input, fields: Record<string, unknown>): Input {
  if (!(input instanceof FormData)) return { ...input, ...fields };
  const copy = new FormData();
  for (const [name, value] of input) copy.append(name, value);
  for (const [name, value] of Object.entries(fields)) copy.set(name, String(value));
  return copy;
}

function procedureCall(path: string, input: unknown, token?: string, method?: string): Call {
  const verb = method ?? (procedureKind(path) === "query" ? "GET" : "POST");
  if (input instanceof FormData) {
    // Multipart: the body is the form (fetch sets the boundary); a GET carries no form at all.
    const headers = bearer(token);
    if (verb === "GET") return { method: "GET", path: `/trpc/${path}`, headers };
    return { method: verb, path: `/trpc/${path}`, headers, body: input };
  }
  if (verb === "GET") {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return { method: "GET", path: `/trpc/${path}${search}`, headers: bearer(token) };
  }
  return {
    method: verb,
    path: `/trpc/${path}`,
    headers: { "content-type": "application/json", ...bearer(token) },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  };
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const request = (host: Host, call: Call) =>
  send(host.url + call.path, {
    method: call.method ?? "GET",
    headers: call.headers ?? {},
    ...(call.body === undefined ? {} : { body: call.body }),
  });

// Values that legitimately differ between two hosts answering a moment apart: new timestamps,
// tokens (their iat/exp), cursors built from new timestamps, picture URLs (random per upload).
// Anything else must be equal.
const VOLATILE = [
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/,
  /^[\w-]+\.[\w-]{22}$/, // a signed cursor: base64url body and a 16-byte MAC
  /^\/pictures\/[\w-]+\.webp$/,
];
const SECONDS_KEYS = new Set(["retryAfterSeconds"]);

/** `b` with every volatile value that differs from `a`'s replaced by `a`'s: then equal or not. */
function alignVolatile(a: unknown, b: unknown, key?: string): unknown {
  if (typeof a === "string" && typeof b === "string" && a !== b) {
    return VOLATILE.some((pattern) => pattern.test(a) && pattern.test(b)) ? a : b;
  }
  if (typeof a === "number" && typeof b === "number" && key && SECONDS_KEYS.has(key)) {
    return Math.abs(a - b) <= 1 ? a : b;
  }
  if (Array.isArray(a) && Array.isArray(b)) return b.map((item, i) => alignVolatile(a[i], item));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const source = a as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(b).map(([k, value]) => [k, alignVolatile(source[k], value, k)]),
    );
  }
  return b;
}

function wireView(res: WireResponse) {
  const headers: Record<string, string | null> = Object.fromEntries(
    COMPARED_HEADERS.map((h) => [h, res.headers.get(h)]),
  );
  return { status: res.status, headers, body: res.body };
}

/** Same status, compared headers and body (volatile values aside); each side's Cache-Control. */
function expectSameAnswer(folio: WireResponse, stock: WireResponse, label: string): void {
  const a = wireView(folio);
  const b = wireView(stock);
  const [retryA, retryB] = [a.headers["retry-after"], b.headers["retry-after"]];
  // Retry-After is counted in whole seconds at two moments: one second apart is the same wait.
  if (retryA && retryB && Math.abs(Number(retryA) - Number(retryB)) <= 1) {
    b.headers["retry-after"] = retryA;
  }
  expect(alignVolatile(a, b), `${label}\nfolio: ${folio.text}\nstock: ${stock.text}`).toEqual(a);
  // INTENTIONAL.cacheControl
  expect(folio.headers.get("cache-control"), label).toBe("no-store");
  expect(stock.headers.get("cache-control"), label).toBeNull();
  // INTENTIONAL.contentLength (HEAD and 204 answers have no body to frame)
  if (folio.text !== "") {
    expect(folio.headers.get("content-length"), label).toBe(String(Buffer.byteLength(folio.text)));
    expect(folio.headers.get("transfer-encoding"), label).toBeNull();
    expect(stock.headers.get("transfer-encoding"), label).toBe("chunked");
  }
}

describe("Folio's host answers exactly as tRPC's stock Fastify adapter", () => {
  let fixtures: Fixtures & { seeded: Seeded };

  beforeAll(async () => {
    fixtures = await createFixtures(async (host, config): Promise<Seeded> => {
      const signUp = async (username: string) => {
        const input = { username, email: `${username}@example.com`, password: PASSWORD };
        const res = await request(host, procedureCall("auth.register", input));
        if (res.status !== 200) throw new Error(`register ${username}: ${res.text}`);
        return res.body.result.data;
      };
      const owner = await signUp("owner");
      // The owner on a second device: another session (auth.endSession's sample ends it).
      const elsewhere = await request(host, {
        ...procedureCall("auth.login", { login: "owner", password: PASSWORD }),
        headers: { "content-type": "application/json", "user-agent": "Fixture phone" },
      });
      if (elsewhere.status !== 200) throw new Error(`second login: ${elsewhere.text}`);
      const ownerElsewhere = elsewhere.body.result.data;
      const intruder = await signUp("intruder");
      const deputy = await signUp("deputy");
      const member = await signUp("member");
      const call = async (path: string, input: Record<string, unknown>, accessToken: string) => {
        const res = await request(host, procedureCall(path, input, accessToken));
        if (res.status !== 200) throw new Error(`${path}: ${res.text}`);
        return res.body.result.data;
      };
      await call("admin.setRole", { userId: deputy.user.id, role: "admin" }, owner.accessToken);
      const draft = await call(
        "post.create",
        { title: "Owner's draft", content: "Not yet.", status: "draft" },
        owner.accessToken,
      );
      const created = await request(
        host,
        procedureCall(
          "post.create",
          { title: "Owner's post", content: "Mine." },
          owner.accessToken,
        ),
      );
      const comment = await call(
        "comment.create",
        { postId: created.body.result.data.id, body: "First!" },
        owner.accessToken,
      );
      const ownerEmail = owner.user.email as string;
      const reset = await request(
        host,
        procedureCall("auth.requestPasswordReset", { email: ownerEmail }),
      );
      if (reset.status !== 200) throw new Error(`reset request: ${reset.text}`);
      const verifyToken = await mailedToken(config, ownerEmail, "verify-email");
      const resetToken = await mailedToken(config, ownerEmail, "reset-password");
      const token = (session: { accessToken: string }) => session.accessToken;
      // The session a token names (its `sid` claim), read without verifying: our own token.
      const sessionIdOf = (jwt: string): string =>
        JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")).sid;
      return {
        owner: {
          session: owner,
          id: owner.user.id,
          token: token(owner),
          sessionId: sessionIdOf(token(owner)),
          as: undefined as never,
        },
        ownerElsewhere: {
          session: ownerElsewhere,
          id: ownerElsewhere.user.id,
          token: token(ownerElsewhere),
          sessionId: sessionIdOf(token(ownerElsewhere)),
          as: undefined as never,
        },
        post: created.body.result.data,
        draft,
        comment,
        deputy: {
          session: deputy,
          id: deputy.user.id,
          token: token(deputy),
          sessionId: sessionIdOf(token(deputy)),
          as: undefined as never,
        },
        member: {
          session: member,
          id: member.user.id,
          token: token(member),
          sessionId: sessionIdOf(token(member)),
          as: undefined as never,
        },
        verifyToken,
        resetToken,
        intruder: {
          id: intruder.user.id,
          token: token(intruder),
          username: "intruder",
          email: "intruder@example.com",
        },
      };
    });
  });
  afterAll(() => removeFixtures(fixtures));

  /** Sends each call to both hosts (fresh databases), in order; compares every answer. */
  async function differential(label: string, calls: Call[]): Promise<WireResponse[]> {
    const { folio, stock } = await startPair(fixtures);
    try {
      const answers: WireResponse[] = [];
      for (const [i, call] of calls.entries()) {
        const [a, b] = [await request(folio, call), await request(stock, call)];
        expectSameAnswer(a, b, `${label} (call ${i + 1}: ${call.method ?? "GET"} ${call.path})`);
        answers.push(a);
      }
      return answers;
    } finally {
      await Promise.all([folio.close(), stock.close()]);
    }
  }

  const one = async (label: string, call: Call) => (await differential(label, [call]))[0];

  describe.each(accessPaths)("%s", (path) => {
    const access = procedureAccess[path];
    // A sample holding a file (user.setPicture) goes on the wire as FormData, as clients send it.
    const input = () => asWireInput(sampleInput(path, fixtures.seeded)) as Input;
    const ownerToken = () => (access === "public" ? undefined : fixtures.seeded.owner.token);

    it("succeeds alike", async () => {
      // The site owner's own account can't be deleted (transfer first): a member deletes theirs.
      const { member } = fixtures.seeded;
      const call =
        path === "user.delete"
          ? procedureCall(path, { id: member.id }, member.token)
          : procedureCall(path, input(), ownerToken());
      const res = await one("success", call);
      expect(res?.status, res?.text).toBe(200);
    });

    it("refuses bad input alike (400)", async () => {
      const sample = input();
      // An input-less procedure ignores any input (see the api tests): nothing to refuse.
      const bad = sample === undefined ? "not an object" : withFields(sample, { notAField: true });
      const res = await one("bad input", procedureCall(path, bad, ownerToken()));
      if (sample !== undefined) expect(res?.status, res?.text).toBe(400);
    });

    it("calls with the wrong method alike (405)", async () => {
      const method = procedureKind(path) === "query" ? "POST" : "GET";
      const res = await one("wrong method", procedureCall(path, input(), ownerToken(), method));
      expect(res?.status, res?.text).toBe(405);
    });

    if (access !== "public") {
      it("refuses a missing or forged token alike (401)", async () => {
        const [none, forged] = await differential("unauthenticated", [
          procedureCall(path, input()),
          procedureCall(path, input(), `${fixtures.seeded.owner.token}x`),
        ]);
        expect([none?.status, forged?.status]).toEqual([401, 401]);
      });
    }

    // Everything but what any signed-in account may call (an author may create posts).
    if (["self", "post-policy", "editor", "admin", "owner"].includes(access)) {
      it("refuses someone else alike (403)", async () => {
        const res = await one(
          "forbidden",
          procedureCall(path, input(), fixtures.seeded.intruder.token),
        );
        // 403, or 404 where the contract hides that the object exists (a session, a draft).
        expect([403, 404], res?.text).toContain(res?.status);
      });
    }

    // Which refusals an input can provoke is read from its keys (values do not matter here).
    const keys = keysOf(sampleInput(path, PLACEHOLDER));
    const idKeys = keys.filter((key) => /^(id|userId|postId)$/.test(key));
    // Only a procedure that stores a username or email can find it taken (a reset request
    // names an email it only looks up).
    const storesNames = path === "auth.register" || path === "user.update";
    const taken = storesNames ? keys.filter((key) => key === "username" || key === "email") : [];

    const sampleValue = (key: string): unknown => {
      const sample = input();
      return sample instanceof FormData ? sample.get(key) : sample?.[key];
    };
    if (idKeys.length > 0) {
      it("answers an input naming nothing alike (404, or 403 for another user's id)", async () => {
        const missing = withFields(
          input(),
          Object.fromEntries(idKeys.map((key) => [key, missingLike(sampleValue(key))])),
        );
        const res = await one("not found", procedureCall(path, missing, ownerToken()));
        expect([403, 404], res?.text).toContain(res?.status);
      });
    }

    if (taken.length > 0) {
      it("answers a taken username or email alike (409)", async () => {
        const { intruder } = fixtures.seeded;
        const values = { username: intruder.username, email: intruder.email };
        const conflicting = withFields(
          input(),
          Object.fromEntries(taken.map((key) => [key, values[key as "username" | "email"]])),
        );
        const res = await one("conflict", procedureCall(path, conflicting, ownerToken()));
        expect(res?.status, res?.text).toBe(409);
      });
    }
  });

  it("refuses logins over the limit alike (429 with Retry-After)", async () => {
    const wrong = procedureCall("auth.login", { login: "owner", password: "not the password" });
    const answers = await differential("login limit", [wrong, wrong, wrong, wrong]);
    const last = answers.at(-1);
    expect(last?.status, last?.text).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers batches alike: queries, mutations, partial failures, one over the cap", async () => {
    const { owner, post } = fixtures.seeded;
    const batchGet = (paths: string[], inputs: Record<number, unknown>) => ({
      path: `/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`,
    });
    const answers = await differential("batches", [
      batchGet(["post.list", "post.byId", "user.byId"], {
        0: { limit: 2 },
        1: { id: post.id },
        2: { id: owner.id },
      }),
      batchGet(["post.byId", "post.byId"], { 0: { id: post.id }, 1: { id: MISSING_ID } }),
      {
        method: "POST",
        path: "/trpc/post.create,post.create?batch=1",
        headers: { "content-type": "application/json", ...bearer(owner.token) },
        body: JSON.stringify({ 0: { title: "One", content: "1" }, 1: { title: "", content: "2" } }),
      },
      batchGet(
        Array.from({ length: 11 }, () => "post.list"),
        {},
      ),
      batchGet(["post.list", "post.create"], {}),
    ]);
    // The last mixes a query and a mutation: tRPC refuses the batch whole.
    expect(answers.map((res) => res.status)).toEqual([200, 207, 207, 400, 400]);
  });

  it("answers malformed requests alike: bad JSON, HEAD, unknown procedures", async () => {
    const answers = await differential("malformed", [
      {
        method: "POST",
        path: "/trpc/post.create",
        headers: { "content-type": "application/json", ...bearer(fixtures.seeded.owner.token) },
        body: '{"title": "unterminated',
      },
      { path: `/trpc/post.list?input=${encodeURIComponent("{not json")}` },
      { method: "HEAD", path: "/trpc/post.list" },
      { path: "/trpc/post.nothingHere" },
      {
        method: "POST",
        path: "/trpc/nothing.here",
        headers: { "content-type": "application/json" },
      },
      { path: "/trpc/post.list,nothing.here?batch=1&input={}" },
      // A JSON content type with no body at all.
      {
        method: "POST",
        path: "/trpc/post.create",
        headers: { "content-type": "application/json", ...bearer(fixtures.seeded.owner.token) },
      },
    ]);
    expect(answers.map((res) => res.status)).toEqual([400, 400, 204, 404, 404, 207, 400]);
  });

  describe("intentional differences", () => {
    async function bothOnce(call: Call) {
      const { folio, stock } = await startPair(fixtures);
      try {
        return { folio: await request(folio, call), stock: await request(stock, call) };
      } finally {
        await Promise.all([folio.close(), stock.close()]);
      }
    }

    it(`oversized body: ${INTENTIONAL.oversizedBody}`, async () => {
      const { folio, stock } = await bothOnce({
        method: "POST",
        path: "/trpc/post.create",
        headers: { "content-type": "application/json", ...bearer(fixtures.seeded.owner.token) },
        body: JSON.stringify({ title: "Big", content: "x".repeat(BODY_LIMIT_BYTES) }),
      });
      expect(folio.status).toBe(413);
      expect(folio.body.error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
      expect(stock.status).toBe(413);
      expect(stock.body).toMatchObject({ code: "FST_ERR_CTP_BODY_TOO_LARGE", statusCode: 413 });
    });

    it(`multipart to a JSON procedure: ${INTENTIONAL.multipartToJsonProcedure}`, async () => {
      const { folio, stock } = await bothOnce({
        method: "POST",
        path: "/trpc/post.create",
        headers: bearer(fixtures.seeded.owner.token),
        body: formOf({ title: "From a form", content: "Text" }),
      });
      expect(folio.status).toBe(415);
      expect(folio.body.error.data).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
      expect(stock.status).toBe(400);
      expect(stock.body.error.data).toMatchObject({ code: "BAD_REQUEST" });
    });

    it(`unsupported content type: ${INTENTIONAL.unsupportedContentType}`, async () => {
      const call = (type: string, body: string) => ({
        method: "POST",
        path: "/trpc/post.create",
        headers: { "content-type": type, ...bearer(fixtures.seeded.owner.token) },
        body,
      });
      const text = await bothOnce(call("text/plain", "x"));
      const xml = await bothOnce(call("application/xml", "<post/>"));
      for (const { folio } of [text, xml]) {
        expect(folio.status).toBe(415);
        expect(folio.body.error.message).toMatch(
          /^Unsupported content type: use application\/json/,
        );
        expect(folio.body.error.data).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
      }
      expect(text.stock.status).toBe(415);
      expect(text.stock.body.error.message).toBe('Unsupported content-type "text/plain');
      expect(xml.stock.status).toBe(415);
      expect(xml.stock.body).toMatchObject({ code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" });
    });
  });
});
