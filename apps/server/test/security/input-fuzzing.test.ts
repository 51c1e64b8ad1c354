// Property-based fuzzing of every procedure's input over HTTP against the real server: any JSON,
// one field of the wrong type or size, unknown and prototype keys, valid ids of nothing. Never a
// 500 or a leak; invalid input is a 400 naming the field; a missing object is a 404; and the
// fixture is untouched afterwards (no hostile input got through).
import { procedureAccess } from "@folio/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { mutate, query, register } from "../support/trpc-http.js";
import { type FuzzFixture, fuzzModelOf, fuzzModels } from "./support/fuzz-models.js";
import { anyInput, unknownKey, wrongValueFor } from "./support/hostile-values.js";
import { objectText, toJsonText } from "./support/raw-json.js";
import {
  callForm,
  callRaw,
  expectRefusedNaming,
  procedureKind,
  routerPaths,
} from "./support/wire-call.js";

const RUNS = { anyInput: 40, wrongField: 40, unknownKey: 25, missing: 15 };
const paths = Object.keys(procedureAccess).sort();

let server: RunningServer;
let fixture: FuzzFixture;
let logoutTarget: Awaited<ReturnType<typeof register>>;

beforeAll(async () => {
  server = await spawnServer({
    env: {
      RATE_LIMIT_LOGIN_IP: "0",
      RATE_LIMIT_LOGIN_ACCOUNT: "0",
      RATE_LIMIT_REGISTER_IP: "0",
      RATE_LIMIT_UPLOAD_USER: "0",
      RATE_LIMIT_COMMENT_USER: "0",
    },
  });
  const fuzzer = await register(server.url, "fuzzer");
  const post = await mutate(
    server.url,
    "post.create",
    { title: "Fixture", content: "Untouched" },
    { token: fuzzer.accessToken },
  );
  const postId = post.body.result.data.id;
  const comment = await mutate(
    server.url,
    "comment.create",
    { postId, body: "Untouched too" },
    { token: fuzzer.accessToken },
  );
  logoutTarget = await register(server.url, "logout_target");
  fixture = {
    fuzzer: { ...fuzzer, id: fuzzer.user.id },
    postId,
    commentId: comment.body.result.data.id,
    memberId: logoutTarget.user.id,
  };
});
afterAll(() => server?.stop());

async function tokenFor(path: string): Promise<string | undefined> {
  const model = fuzzModelOf(path);
  if (model?.token === "fuzzer") return fixture.fuzzer.accessToken;
  if (model?.token !== "fresh") return undefined;
  const login = await mutate(server.url, "auth.login", {
    login: logoutTarget.username,
    password: logoutTarget.password,
  });
  return login.body.result.data.accessToken;
}

it("has a fuzz model for every procedure of the access table and the router", () => {
  expect(routerPaths()).toEqual(paths);
  expect(paths.filter((path) => fuzzModelOf(path) === undefined)).toEqual([]);
  expect(Object.keys(fuzzModels).sort()).toEqual(paths);
});

describe.each(paths)("%s", (path) => {
  const model = fuzzModelOf(path);
  if (!model) throw new Error(`${path} has no fuzz model`);
  const fieldNames = Object.keys(model.fields);
  const via = procedureKind(path) === "query" ? "query" : "body";
  const asForm = model.body === "form";
  /** The model's input with `changes` applied, sent the way the procedure takes it. */
  const call = async (entries: [string, unknown][]) =>
    asForm
      ? callForm(server.url, path, entries, await tokenFor(path))
      : callRaw(server.url, path, objectText(entries).raw, await tokenFor(path));

  it("never answers any JSON input with a 500 or a leak, and names the fault of a 400", async () => {
    await fc.assert(
      fc.asyncProperty(anyInput(via), async (input) => {
        const res = await callRaw(server.url, path, input.raw, await tokenFor(path));
        if (res.status === 400) expectRefusedNaming(res);
      }),
      { numRuns: RUNS.anyInput },
    );
  });

  if (asForm) {
    it("never answers any multipart form with a 500 or a leak, and names the fault of a 400", async () => {
      const part = fc.tuple(
        fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })),
        fc.oneof(fc.string({ maxLength: 64 }), fc.uint8Array({ maxLength: 2048 })),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(part, { maxLength: 6 }), async (entries) => {
          const res = await call(entries);
          expect([400, 403, 404], res.text.slice(0, 300)).toContain(res.status);
          if (res.status === 400) expectRefusedNaming(res);
        }),
        { numRuns: RUNS.anyInput },
      );
    });
  }

  // Procedures without input (user.me, auth.logoutAll) have no field to corrupt.
  if (fieldNames.length > 0) {
    it("refuses one field of the wrong type or size with a 400 naming that field", async () => {
      const corrupted = fc
        .constantFrom(...fieldNames)
        .chain((field) =>
          wrongValueFor(model.fields[field] ?? { type: "int" }).map((value) => ({ field, value })),
        );
      await fc.assert(
        fc.asyncProperty(corrupted, async ({ field, value }) => {
          const input = { ...model.valid(fixture), [field]: value };
          const res = asForm
            ? await call(Object.entries(input))
            : await callRaw(server.url, path, toJsonText(input), await tokenFor(path));
          expectRefusedNaming(res, field);
        }),
        { numRuns: RUNS.wrongField },
      );
    });

    it("refuses an unknown or prototype key beside valid fields, naming the key", async () => {
      const hostileKey = fc.tuple(unknownKey(fieldNames), fc.jsonValue({ maxDepth: 2 }));
      await fc.assert(
        fc.asyncProperty(hostileKey, async ([key, value]) => {
          const entries = Object.entries(model.valid(fixture) ?? {});
          const res = await call([...entries, [key, value]]);
          expectRefusedNaming(res, key);
        }),
        { numRuns: RUNS.unknownKey },
      );
    });
  }

  const missing = model.missing;
  if (missing) {
    it("answers a valid id of nothing with 404", async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1_000_000, max: 2 ** 31 - 1 }), async (id) => {
          const res = await call(Object.entries(missing(fixture, id)));
          expect(res.status, res.text).toBe(404);
          expect(res.body.error.data.code).toBe("NOT_FOUND");
        }),
        { numRuns: RUNS.missing },
      );
    });
  }
});

// Runs last (vitest keeps file order): nothing any hostile input did may have changed the fixture.
it("left the fuzzer's account, password, token, post and comment as they were", async () => {
  const me = await query(server.url, "user.me", undefined, fixture.fuzzer.accessToken);
  expect(me.status).toBe(200);
  expect(me.body.result.data.username).toBe("fuzzer");
  const post = await query(server.url, "post.byId", { id: fixture.postId });
  expect(post.body.result.data).toMatchObject({ title: "Fixture", content: "Untouched" });
  const comments = await query(server.url, "comment.list", { postId: fixture.postId });
  expect(comments.body.result.data.items).toEqual([
    expect.objectContaining({ id: fixture.commentId, body: "Untouched too", editedAt: null }),
  ]);
  const login = await mutate(server.url, "auth.login", {
    login: "fuzzer",
    password: fixture.fuzzer.password,
  });
  expect(login.status).toBe(200);
  const created = await query(server.url, "user.byId", { id: fixture.fuzzer.id });
  expect(created.status).toBe(200);
  // No hostile form got a picture stored.
  expect(created.body.result.data.imageUrl).toBeNull();
});
