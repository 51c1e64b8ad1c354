// Unknown input keys are refused by name, so no client can set a field it does not own.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, describeEachDialect, type TestApp } from "../test-support/harness.js";
import { procedureType } from "../test-support/procedures.js";
import {
  accessPaths,
  createFixture,
  type Fixture,
  sampleInput,
} from "../test-support/sample-inputs.js";
import { expectHttpRefused } from "../test-support/snapshot.js";

const EXTRA_FIELDS = [
  "authorId",
  "id",
  "createdAt",
  "updatedAt",
  "tokenVersion",
  "passwordHash",
  "role",
  "isAdmin",
  "userId",
  // Roles and drafts: a post's state moves only through publish, unpublish and submit, and an
  // account's standing only through admin.*.
  "status",
  "publishedAt",
  "suspended",
  "postCount",
];

// Mutations that take no input at all; tRPC drops whatever a client sends them. They cannot
// refuse a body: tRPC's own httpLink sends none for them, which its parser cannot read as JSON.
const WITHOUT_INPUT = [
  "auth.logout",
  "auth.logoutOthers",
  "auth.logoutAll",
  "user.resendVerification",
];

/** Fields a mutation takes that its sample input leaves out (they are optional). */
const OPTIONAL_FIELDS: Record<string, string[]> = {
  "post.create": ["status", "publishAt"],
  "post.publish": ["publishAt"],
};

const mutations = accessPaths.filter((path) => procedureType(path) === "mutation");

// Only the keys of the sample inputs matter here, so placeholder objects will do.
const placeholder = {
  owner: { id: 1, sessionId: "s1" },
  ownerElsewhere: { id: 1, sessionId: "s2" },
  deputy: { id: 2 },
  member: { id: 3 },
  post: { id: 1 },
  draft: { id: 2 },
  comment: { id: 1 },
} as Fixture;
const inputKeys = (path: string) => Object.keys(sampleInput(path, placeholder) ?? {});

/** Every (mutation, extra field) pair, skipping fields the mutation really takes. */
const cases = mutations
  .filter((path) => !WITHOUT_INPUT.includes(path))
  .flatMap((path) => {
    const extras =
      path.startsWith("post.") || path.startsWith("comment.")
        ? [...EXTRA_FIELDS, "email"]
        : EXTRA_FIELDS;
    return extras
      .filter(
        (field) => !inputKeys(path).includes(field) && !OPTIONAL_FIELDS[path]?.includes(field),
      )
      .map((field) => [path, field] as const);
  });

it("covers every mutation that takes input", () => {
  expect(new Set(cases.map(([path]) => path)).size).toBe(mutations.length - WITHOUT_INPUT.length);
  expect(cases.length).toBeGreaterThan(60);
});

describeEachDialect("mass assignment", (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  beforeAll(async () => {
    app = await createTestApp(dialect);
    fixture = await createFixture(app);
  });
  afterAll(() => app.close());

  it.each(cases)("refuses %s with an extra %s, naming it, writing nothing", async (path, field) => {
    const input = sampleInput(path, fixture);
    const error = await expectHttpRefused(
      app.db,
      () => app.http(path, { ...input, [field]: 1 }, { token: fixture.owner.token }),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
  });
});
