// Fuzzing below the input schemas: raw bodies that are not JSON, odd content types, query
// strings that do not decode, batch paths and batch inputs of any shape. The answer is always a
// clean 4xx (or 200 for a harmless call), never a 500 or a leak, and a bad batch runs no call.
import { procedureAccess } from "@folio/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { query, register, send } from "../support/trpc-http.js";
import { looksLikeLeak } from "./support/leaks.js";
import { expectCleanAnswer, procedureKind } from "./support/wire-call.js";

const RUNS = 40;
const paths = Object.keys(procedureAccess);

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await spawnServer({
    env: { RATE_LIMIT_LOGIN_IP: "0", RATE_LIMIT_LOGIN_ACCOUNT: "0", RATE_LIMIT_REGISTER_IP: "0" },
  });
  token = (await register(server.url, "wire_fuzzer")).accessToken;
});
afterAll(() => server?.stop());

const postCount = async () => {
  const page = await query(server.url, "post.list", { limit: 50 });
  return page.body.result.data.items.length as number;
};

/** Text that is rarely JSON: random unicode, truncated objects, lone brackets, NUL bytes. */
const rawBody = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.jsonValue().map((value) => (JSON.stringify(value) ?? "").slice(0, -1)),
  fc.constantFrom("", "{", "[", '{"title":', "\u0000", "null null", '{"a":1}{"b":2}', "\uFEFF{}"),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "",
);

describe("raw requests", () => {
  it("answers any body under any content type to any mutation without a 500 or a leak", async () => {
    // Mutations that take input (the logouts and resendVerification ignore their body, so any
    // body is a 200 there).
    const withoutInput = [
      "auth.logout",
      "auth.logoutOthers",
      "auth.logoutAll",
      "user.resendVerification",
    ];
    const mutations = paths.filter(
      (path) => procedureKind(path) === "mutation" && !withoutInput.includes(path),
    );
    const before = await postCount();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutations),
        rawBody,
        contentType,
        async (path, body, type) => {
          const res = await send(`${server.url}/trpc/${path}`, {
            method: "POST",
            headers: {
              ...(type ? { "content-type": type } : {}),
              authorization: `Bearer ${token}`,
            },
            body,
          });
          expectCleanAnswer(res);
          expect(res.status, res.text).not.toBe(200);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await postCount()).toBe(before);
  });

  it("answers any query string without a 500 or a leak", async () => {
    // Percent signs that decode to nothing, lone surrogates, repeated and empty parameters.
    const search = fc.oneof(
      fc.string({ maxLength: 200 }).map((text) => `input=${text}`),
      fc.constantFrom(
        "input=%",
        "input=%E0%A4%A",
        "input=%ED%A0%80",
        "input=&input=1",
        "input",
        "=",
      ),
      fc
        .string({ unit: "binary", maxLength: 100 })
        .map((text) => `input=${encodeURIComponent(text)}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("post.list", "post.byId", "user.me"),
        search,
        async (path, qs) => {
          const res = await send(`${server.url}/trpc/${path}?${qs}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expectCleanAnswer(res);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("batches", () => {
  // Procedure names, unknown names, empty segments, traversal; none that would echo as a leak.
  const segment = fc.oneof(
    fc.constantFrom(...paths),
    fc.constantFrom("", "..", "../..", "post", "post.", ".list", "__proto__", "constructor.name"),
    fc.stringMatching(/^[\w.-]{1,20}$/).filter((text) => !looksLikeLeak(text)),
  );

  it("answers any batch path and batch input without a 500 or a leak", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 12 }),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
          fc.string({ maxLength: 50 }),
        ),
        fc.boolean(),
        async (segments, input, asPost) => {
          const url = `${server.url}/trpc/${segments.map(encodeURIComponent).join(",")}?batch=1`;
          const res = asPost
            ? await send(url, {
                method: "POST",
                headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
                body: input,
              })
            : await send(`${url}&input=${encodeURIComponent(input)}`);
          expectCleanAnswer(res);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("refuses a batch of 11 whole, with 400, and runs none of its calls", async () => {
    const before = await postCount();
    const calls = Array.from({ length: 11 }, () => "post.create").join(",");
    const input = Object.fromEntries(
      Array.from({ length: 11 }, (_, index) => [index, { title: `t${index}`, content: "c" }]),
    );
    const res = await send(`${server.url}/trpc/${calls}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(400);
    expectCleanAnswer(res);
    expect(await postCount()).toBe(before);
  });
});
