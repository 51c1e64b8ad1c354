import { expect, it } from "vitest";
import { BAD_CREDENTIALS_MESSAGE, UNAUTHENTICATED_MESSAGE } from "../shared/errors.js";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectHttpRefused, expectRefused, snapshotDatabase } from "../test-support/snapshot.js";

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describeEachDialect("auth router", (dialect) => {
  it("registers a user and returns a session with a private user and no password", async () => {
    const app = await freshApp(dialect);
    const session = await app.caller().auth.register({
      username: "  Alice  ",
      email: "  Alice@Example.COM ",
      password: TEST_PASSWORD,
    });
    expect(session).toEqual({
      accessToken: expect.any(String),
      tokenType: "bearer",
      expiresAt: expect.stringMatching(ISO_UTC),
      user: {
        id: expect.any(Number),
        username: "Alice",
        email: "alice@example.com",
        emailVerified: false,
        imageUrl: null,
        createdAt: expect.stringMatching(ISO_UTC),
        // The first account on a database is its owner (API.md "Roles").
        role: "owner",
      },
    });
    expect(JSON.stringify(session)).not.toContain(TEST_PASSWORD);
    const { users } = await snapshotDatabase(app.db);
    expect(users).toHaveLength(1);
    expect(users[0]?.email).toBe("alice@example.com");
    expect(users[0]?.password_hash).not.toContain(TEST_PASSWORD);
    expect(await app.caller(session.accessToken).user.me()).toEqual(session.user);
  });

  it("refuses a username taken in another case with CONFLICT naming username", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const input = { username: "ALICE", email: "other@example.com", password: TEST_PASSWORD };
    const error = await expectHttpRefused(
      app.db,
      () => app.http("auth.register", input),
      "CONFLICT",
    );
    expect(error.message).toMatch(/username/i);
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["username"]);
  });

  it("refuses an email taken in another case with CONFLICT naming email", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const input = { username: "alice2", email: "ALICE@example.com", password: TEST_PASSWORD };
    const error = await expectHttpRefused(
      app.db,
      () => app.http("auth.register", input),
      "CONFLICT",
    );
    expect(error.message).toMatch(/email/i);
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["email"]);
  });

  it("logs in by username or email in any case, trimming the login", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("Alice");
    for (const login of ["Alice", "alice", "ALICE", " alice@example.com ", "ALICE@EXAMPLE.COM"]) {
      const session = await app.caller().auth.login({ login, password: TEST_PASSWORD });
      expect(session.user).toEqual(alice.session.user);
      expect(await app.caller(session.accessToken).user.me()).toEqual(alice.session.user);
    }
  });

  it("answers a wrong password and an unknown user with the same UNAUTHORIZED message", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const wrongPassword = await expectRefused(
      app.db,
      () => app.caller().auth.login({ login: "alice", password: "not the password" }),
      "UNAUTHORIZED",
      BAD_CREDENTIALS_MESSAGE,
    );
    const unknownUser = await expectRefused(
      app.db,
      () => app.caller().auth.login({ login: "nobody", password: TEST_PASSWORD }),
      "UNAUTHORIZED",
    );
    expect(unknownUser.message).toBe(wrongPassword.message);
  });

  it("does not treat the password as case-insensitive or trimmed", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    for (const password of [TEST_PASSWORD.toUpperCase(), ` ${TEST_PASSWORD} `]) {
      await expectRefused(
        app.db,
        () => app.caller().auth.login({ login: "alice", password }),
        "UNAUTHORIZED",
      );
    }
  });

  it("revokes every token issued so far on logoutAll, and a new login works again", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const second = await app.caller().auth.login({ login: "alice", password: TEST_PASSWORD });
    expect(await alice.as.auth.logoutAll()).toEqual({ ok: true });
    for (const token of [alice.token, second.accessToken]) {
      await expectRefused(
        app.db,
        () => app.caller(token).user.me(),
        "UNAUTHORIZED",
        UNAUTHENTICATED_MESSAGE,
      );
    }
    const third = await app.caller().auth.login({ login: "alice", password: TEST_PASSWORD });
    expect((await app.caller(third.accessToken).user.me()).id).toBe(alice.id);
  });

  it("issues tokens that expire after the configured lifetime", async () => {
    const app = await freshApp(dialect);
    const before = Date.now();
    const { session } = await app.signUp("alice");
    const expiresIn = Date.parse(session.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(3590_000);
    expect(expiresIn).toBeLessThanOrEqual(3601_000);
  });
});
