// admin.*: the rules of API.md "Roles" for accounts — who may change whom, suspension from
// end to end, deletion, the transfer of ownership — each refusal leaving nothing changed.
import { expect, it } from "vitest";
import { SUSPENDED_MESSAGE } from "../shared/errors.js";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";

describeEachDialect("admin", (dialect) => {
  async function site() {
    const app = await freshApp(dialect);
    const owner = await app.signUp("owner");
    const admin = await app.signUp("admin");
    await owner.as.admin.setRole({ userId: admin.id, role: "admin" });
    const member = await app.signUp("member");
    return { app, owner, admin, member };
  }

  it("makes the first account the owner and every later one an author", async () => {
    const { owner, admin, member } = await site();
    expect(owner.session.user.role).toBe("owner");
    expect(admin.session.user.role).toBe("author");
    expect(await member.as.user.me()).toMatchObject({ role: "author" });
  });

  it("gives exactly one of two first registrations racing on an empty database the owner role", async () => {
    const app = await freshApp(dialect);
    const [a, b] = await Promise.all([app.signUp("first_a"), app.signUp("first_b")]);
    expect([a.session.user.role, b.session.user.role].sort()).toEqual(["author", "owner"]);
  });

  it("sets roles from reader to admin on others, takes effect on the next request", async () => {
    const { app, admin, member } = await site();
    for (const role of ["reader", "contributor", "editor", "admin", "author"] as const) {
      await expect(admin.as.admin.setRole({ userId: member.id, role })).resolves.toMatchObject({
        role,
      });
      expect(await member.as.user.me()).toMatchObject({ role });
    }
    await expectRefused(app.db, () => member.as.admin.users(), "FORBIDDEN");
  });

  it("refuses a change of one's own role, of the owner's, and the owner role itself", async () => {
    const { app, owner, admin, member } = await site();
    await expectRefused(
      app.db,
      () => admin.as.admin.setRole({ userId: admin.id, role: "reader" }),
      "FORBIDDEN",
      "You can't change your own role.",
    );
    await expectRefused(
      app.db,
      () => owner.as.admin.setRole({ userId: owner.id, role: "admin" }),
      "FORBIDDEN",
    );
    await expectRefused(
      app.db,
      () => admin.as.admin.setRole({ userId: owner.id, role: "reader" }),
      "FORBIDDEN",
    );
    const error = await expectRefused(
      app.db,
      // @ts-expect-error the owner role is not an input: a client sending it anyway
      () => owner.as.admin.setRole({ userId: member.id, role: "owner" }),
      "BAD_REQUEST",
    );
    expect(error.message).toMatch(/Role must be/);
    await expectRefused(
      app.db,
      () => admin.as.admin.setRole({ userId: 999_999, role: "editor" }),
      "NOT_FOUND",
    );
  });

  it("suspends: sessions end at once, only the right password learns why, no reset mail", async () => {
    const { app, admin, member } = await site();
    await expect(admin.as.admin.suspend({ userId: member.id })).resolves.toMatchObject({
      suspended: true,
    });
    await expectRefused(app.db, () => member.as.user.me(), "UNAUTHORIZED");
    const login = app.caller().auth.login;
    await expectRefused(
      app.db,
      () => login({ login: "member", password: TEST_PASSWORD }),
      "FORBIDDEN",
      SUSPENDED_MESSAGE,
    );
    const wrong = await expectRefused(
      app.db,
      () => login({ login: "member", password: "not the password" }),
      "UNAUTHORIZED",
    );
    expect(wrong.message).not.toMatch(/suspended/);
    await app.mail.drain();
    const before = app.mail.outbox.length;
    await app.caller().auth.requestPasswordReset({ email: "member@example.com" });
    await app.mail.drain();
    expect(app.mail.outbox.length).toBe(before);

    await expect(admin.as.admin.unsuspend({ userId: member.id })).resolves.toMatchObject({
      suspended: false,
    });
    await expect(login({ login: "member", password: TEST_PASSWORD })).resolves.toMatchObject({
      user: { id: member.id },
    });
  });

  it("refuses a reset link of a suspended account, and keeps the link for after", async () => {
    const { app, admin, member } = await site();
    await app.caller().auth.requestPasswordReset({ email: "member@example.com" });
    const token = await app.lastToken("member@example.com", "password-reset");
    await admin.as.admin.suspend({ userId: member.id });
    const reset = () => app.caller().auth.resetPassword({ token, newPassword: "another secret" });
    await expectRefused(app.db, reset, "FORBIDDEN", SUSPENDED_MESSAGE);
  });

  it("never suspends or deletes oneself or the owner", async () => {
    const { app, owner, admin } = await site();
    for (const call of [
      () => admin.as.admin.suspend({ userId: admin.id }),
      () => admin.as.admin.suspend({ userId: owner.id }),
      () => admin.as.admin.deleteUser({ userId: admin.id }),
      () => admin.as.admin.deleteUser({ userId: owner.id }),
      () => owner.as.admin.deleteUser({ userId: owner.id }),
      () => owner.as.user.delete({ id: owner.id }),
    ]) {
      await expectRefused(app.db, call, "FORBIDDEN");
    }
  });

  it("deletes an account as its holder would, posts included", async () => {
    const { app, admin, member } = await site();
    const post = await member.as.post.create({ title: "Mine", content: "c" });
    await expect(admin.as.admin.deleteUser({ userId: member.id })).resolves.toEqual({ ok: true });
    await expectRefused(app.db, () => app.caller().post.byId({ id: post.id }), "NOT_FOUND");
    await expectRefused(app.db, () => member.as.user.me(), "UNAUTHORIZED");
    await expectRefused(
      app.db,
      () => admin.as.admin.deleteUser({ userId: member.id }),
      "NOT_FOUND",
    );
  });

  it("transfers ownership to an admin with the current password, and to nobody else", async () => {
    const { app, owner, admin, member } = await site();
    const transfer = (userId: number, currentPassword = TEST_PASSWORD) =>
      owner.as.admin.transferOwnership({ userId, currentPassword });
    const wrong = await expectRefused(
      app.db,
      () => transfer(admin.id, "not my password"),
      "BAD_REQUEST",
    );
    expect(wrong.message).toMatch(/Current password is incorrect/);
    await expectRefused(app.db, () => transfer(member.id), "BAD_REQUEST", /an admin/);
    await expectRefused(app.db, () => transfer(999_999), "NOT_FOUND");
    await expectRefused(
      app.db,
      () => admin.as.admin.transferOwnership({ userId: admin.id, currentPassword: TEST_PASSWORD }),
      "FORBIDDEN",
    );
    await owner.as.admin.suspend({ userId: member.id });
    await owner.as.admin.setRole({ userId: member.id, role: "admin" });
    await expectRefused(app.db, () => transfer(member.id), "BAD_REQUEST", /not suspended/);

    await expect(transfer(admin.id)).resolves.toEqual({ ok: true });
    expect(await owner.as.user.me()).toMatchObject({ role: "admin" });
    expect(await admin.as.user.me()).toMatchObject({ role: "owner" });
    const owners = await app.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "owner")
      .execute();
    expect(owners).toEqual([{ id: admin.id }]);
  });

  it("finds accounts by a part of the username or email, any case, wildcards taken literally", async () => {
    const { owner } = await site();
    const names = async (query: string) =>
      (await owner.as.admin.users({ query })).items.map((user) => user.username);
    expect(await names("MEM")).toEqual(["member"]);
    expect(await names("@EXAMPLE.com")).toEqual(["member", "admin", "owner"]);
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    const page = await owner.as.admin.users({ limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await owner.as.admin.users({ limit: 2, cursor: page.nextCursor });
    expect([...page.items, ...rest.items].map((user) => user.username)).toEqual([
      "member",
      "admin",
      "owner",
    ]);
    expect(rest.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ suspended: false, postCount: 0, emailVerified: false });
    expect(page.items[0]?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
