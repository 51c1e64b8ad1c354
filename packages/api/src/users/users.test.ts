import { expect, it } from "vitest";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectHttpRefused, expectRefused, snapshotDatabase } from "../test-support/snapshot.js";

describeEachDialect("user router", (dialect) => {
  it("returns the current user from me, and the public profile from byId without email", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("Alice");
    expect(await alice.as.user.me()).toEqual(alice.session.user);
    const {
      email: _email,
      emailVerified: _verified,
      role: _role,
      ...publicUser
    } = alice.session.user;
    expect(await app.caller().user.byId({ id: alice.id })).toEqual(publicUser);
    await expectRefused(app.db, () => app.caller().user.byId({ id: alice.id + 1 }), "NOT_FOUND");
  });

  it("updates username and email, trimmed and with the email lower-cased", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const updated = await alice.as.user.update({
      id: alice.id,
      username: "  Alicia ",
      email: " Alicia@Example.COM ",
    });
    expect(updated).toEqual({
      ...alice.session.user,
      username: "Alicia",
      email: "alicia@example.com",
    });
    expect(await alice.as.user.me()).toEqual(updated);
    const onlyEmail = await alice.as.user.update({ id: alice.id, email: "a@example.org" });
    expect(onlyEmail).toEqual({ ...updated, email: "a@example.org" });
  });

  it("lets a user change only the case of their own username", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    expect((await alice.as.user.update({ id: alice.id, username: "ALICE" })).username).toBe(
      "ALICE",
    );
  });

  it("refuses an update with neither username nor email", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await expectRefused(app.db, () => alice.as.user.update({ id: alice.id }), "BAD_REQUEST");
  });

  it("refuses another user's username (any case) or email with CONFLICT naming the field", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await app.signUp("bob");
    const cases = [
      [{ username: "BOB" }, "username"],
      [{ email: "BOB@example.com" }, "email"],
    ] as const;
    for (const [change, field] of cases) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("user.update", { id: alice.id, ...change }, { token: alice.token }),
        "CONFLICT",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
      expect(error.message).toContain(field);
    }
  });

  it("refuses an invalid username or email on update, naming the field", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const cases = [
      [{ username: "ab" }, "username"],
      [{ username: "u".repeat(51) }, "username"],
      [{ username: "no spaces" }, "username"],
      [{ email: "nope" }, "email"],
    ] as const;
    for (const [change, field] of cases) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("user.update", { id: alice.id, ...change }, { token: alice.token }),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual([field]);
    }
  });

  it("changes the password: a working new token, older tokens revoked, old password refused", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const other = await app.caller().auth.login({ login: "alice", password: TEST_PASSWORD });
    const session = await alice.as.user.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new secret",
    });
    expect(session.tokenType).toBe("bearer");
    expect(session.user).toEqual(alice.session.user);
    expect(await app.caller(session.accessToken).user.me()).toEqual(alice.session.user);
    for (const token of [alice.token, other.accessToken]) {
      await expectRefused(app.db, () => app.caller(token).user.me(), "UNAUTHORIZED");
    }
    await expectRefused(
      app.db,
      () => app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
      "UNAUTHORIZED",
    );
    const login = await app.caller().auth.login({ login: "alice", password: "a brand new secret" });
    expect(login.user.id).toBe(alice.id);
  });

  it("refuses a wrong current password with BAD_REQUEST naming currentPassword, changing nothing", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const input = { currentPassword: "not my password", newPassword: "a brand new secret" };
    const error = await expectHttpRefused(
      app.db,
      () => app.http("user.changePassword", input, { token: alice.token }),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["currentPassword"]);
    expect(await alice.as.user.me()).toEqual(alice.session.user);
  });

  it("refuses a new password that is too short or equal to the current one", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    for (const newPassword of ["1234567", TEST_PASSWORD]) {
      const error = await expectHttpRefused(
        app.db,
        () =>
          app.http(
            "user.changePassword",
            { currentPassword: TEST_PASSWORD, newPassword },
            { token: alice.token },
          ),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["newPassword"]);
    }
  });

  it("deletes the account with its posts, and its token stops working", async () => {
    const app = await freshApp(dialect);
    // The owner's account can't be deleted: the site has one already, so this test's are ordinary.
    const siteOwnerId = await app.addSiteOwner();
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    await alice.as.post.create({ title: "a1", content: "x" });
    await alice.as.post.create({ title: "a2", content: "x" });
    const bobsPost = await bob.as.post.create({ title: "b1", content: "x" });
    expect(await alice.as.user.delete({ id: alice.id })).toEqual({ ok: true });
    const { users, posts } = await snapshotDatabase(app.db);
    expect(users.map((user) => user.id)).toEqual([siteOwnerId, bob.id]);
    expect(posts.map((post) => post.id)).toEqual([bobsPost.id]);
    await expectRefused(app.db, () => alice.as.user.me(), "UNAUTHORIZED");
    await expectRefused(app.db, () => app.caller().user.byId({ id: alice.id }), "NOT_FOUND");
    await expectRefused(
      app.db,
      () => app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
      "UNAUTHORIZED",
    );
  });

  it("refuses to update or delete someone else's account (FORBIDDEN) or a missing one (NOT_FOUND)", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    await expectRefused(
      app.db,
      () => bob.as.user.update({ id: alice.id, username: "mallory" }),
      "FORBIDDEN",
    );
    await expectRefused(app.db, () => bob.as.user.delete({ id: alice.id }), "FORBIDDEN");
    await expectRefused(
      app.db,
      () => bob.as.user.update({ id: 999_999, username: "x_y_z" }),
      "NOT_FOUND",
    );
    await expectRefused(app.db, () => bob.as.user.delete({ id: 999_999 }), "NOT_FOUND");
  });
});
