// API.md's field rules for registration and login, checked at exactly min/max and one past.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, describeEachDialect, type TestApp } from "../test-support/harness.js";
import { expectHttpRefused, snapshotDatabase } from "../test-support/snapshot.js";

let counter = 0;
/** A registration that passes every rule, unique within the app. */
function validRegistration(override: Record<string, unknown> = {}) {
  counter += 1;
  return {
    username: `user${counter}`,
    email: `user${counter}@example.com`,
    password: "password1",
    ...override,
  };
}

const emailOfLength = (length: number) => `${"a".repeat(length - 60)}@${"b".repeat(55)}.com`;

describeEachDialect("registration field rules", (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(dialect);
  });
  afterAll(() => app.close());

  const accepted: [string, Record<string, unknown>, Record<string, string>][] = [
    ["a 3-character username", { username: "abc" }, { username: "abc" }],
    ["a 50-character username", { username: "u".repeat(50) }, { username: "u".repeat(50) }],
    ["a username of letters, digits, _ . -", { username: "A_b.c-9" }, { username: "A_b.c-9" }],
    ["a username with spaces around, trimmed", { username: "  xyz  " }, { username: "xyz" }],
    [
      "a 120-character email, lower-cased",
      { email: emailOfLength(120).toUpperCase() },
      { email: emailOfLength(120) },
    ],
    [
      "an email with spaces around, trimmed",
      { email: " trim@example.com " },
      { email: "trim@example.com" },
    ],
  ];

  it.each(accepted)("accepts %s", async (_name, override, stored) => {
    const session = await app.caller().auth.register(validRegistration(override));
    expect(session.user).toMatchObject(stored);
    const row = await app.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", session.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject(stored);
  });

  it("accepts passwords of exactly 8 and 128 characters, untrimmed", async () => {
    for (const password of ["       8", "p".repeat(128)]) {
      const input = validRegistration({ password });
      await app.caller().auth.register(input);
      const session = await app.caller().auth.login({ login: input.username, password });
      expect(session.user.username).toBe(input.username);
    }
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ["a 2-character username", { username: "ab" }, "username"],
    ["a username of 2 characters once trimmed", { username: "  ab  " }, "username"],
    ["a 51-character username", { username: "u".repeat(51) }, "username"],
    ["a username with a space inside", { username: "al ice" }, "username"],
    ["a username with @", { username: "al@ice" }, "username"],
    ["a username with a non-ASCII letter", { username: "alïce" }, "username"],
    ["a username with a slash", { username: "al/ice" }, "username"],
    ["a missing username", { username: undefined }, "username"],
    ["a username that is not a string", { username: 12345 }, "username"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["a 121-character email", { email: emailOfLength(121) }, "email"],
    ["a 7-character password", { password: "1234567" }, "password"],
    ["a 129-character password", { password: "p".repeat(129) }, "password"],
  ];

  it.each(refused)(
    "refuses %s with BAD_REQUEST naming the field",
    async (_name, override, field) => {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("auth.register", validRegistration(override)),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
      expect(error.message).toContain(field);
    },
  );

  it("refuses a login of more than 120 characters or an empty password", async () => {
    const before = await snapshotDatabase(app.db);
    const long = await app.http("auth.login", { login: "l".repeat(121), password: "password1" });
    expect(long.error?.data.zodError?.fieldErrors).toHaveProperty("login");
    const empty = await app.http("auth.login", { login: "user1", password: "" });
    expect(empty.error?.data.zodError?.fieldErrors).toHaveProperty("password");
    expect(await snapshotDatabase(app.db)).toEqual(before);
  });
});
