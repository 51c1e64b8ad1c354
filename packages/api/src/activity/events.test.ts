// Every event is written by the action that causes it and by nothing else: for each action
// (and for refusals and actions that record nothing), run it on a fresh site and compare the
// events that appeared with exactly those expected (API.md "Security activity").
import { expect, it } from "vitest";
import {
  brief,
  buildWorld,
  eventMark,
  FIREFOX,
  type World,
} from "../test-support/activity-world.js";
import {
  describeEachDialect,
  freshApp,
  TEST_PASSWORD,
  type TestApp,
} from "../test-support/harness.js";

const NEW_PASSWORD = "a new secret 2026";

type Case = [
  name: string,
  act: (app: TestApp, world: World) => Promise<unknown>,
  expected: string[],
];

const refused = (call: Promise<unknown>) =>
  call.then(
    () => Promise.reject(new Error("expected a refusal")),
    () => undefined,
  );

const cases: Case[] = [
  ["auth.register", (app) => app.signUp("newcomer"), ["account.created newcomer→newcomer"]],
  ["auth.login", (app) => app.logIn("alice"), ["login.succeeded alice→alice"]],
  [
    "auth.login with a wrong password",
    (app) => refused(app.caller().auth.login({ login: "alice", password: "not hers!" })),
    ["login.failed -→alice"],
  ],
  [
    "auth.login of an unknown account",
    (app) => refused(app.caller().auth.login({ login: "nobody", password: TEST_PASSWORD })),
    [],
  ],
  [
    "auth.login of a suspended account, right password",
    async (app, { owner, alice }) => {
      await owner.as.admin.suspend({ userId: alice.id });
      const mark = await eventMark(app);
      await refused(app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }));
      return mark;
    },
    ["login.suspended alice→alice"],
  ],
  ["auth.logout", (_app, { alice }) => alice.as.auth.logout(), ["logout alice→alice"]],
  [
    "auth.endSession",
    (_app, { alice, alicePhone }) => alice.as.auth.endSession({ id: alicePhone.sessionId }),
    ["session.ended alice→alice"],
  ],
  [
    "auth.endSession on someone else's session",
    (_app, { alice, editor }) => refused(alice.as.auth.endSession({ id: editor.sessionId })),
    [],
  ],
  [
    "auth.logoutOthers",
    (_app, { alice }) => alice.as.auth.logoutOthers(),
    ["sessions.ended alice→alice"],
  ],
  [
    "auth.logoutAll",
    (_app, { alice }) => alice.as.auth.logoutAll(),
    ["sessions.ended alice→alice"],
  ],
  [
    "user.changePassword",
    (_app, { alice }) =>
      alice.as.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    ["password.changed alice→alice"],
  ],
  [
    "user.changePassword with a wrong current password",
    (_app, { alice }) =>
      refused(
        alice.as.user.changePassword({ currentPassword: "wrong one", newPassword: NEW_PASSWORD }),
      ),
    [],
  ],
  [
    "auth.requestPasswordReset",
    (app) => app.caller().auth.requestPasswordReset({ email: "alice@example.com" }),
    ["password.reset.requested -→alice"],
  ],
  [
    "auth.requestPasswordReset for an unknown address",
    (app) => app.caller().auth.requestPasswordReset({ email: "nobody@example.com" }),
    [],
  ],
  [
    "auth.resetPassword",
    async (app) => {
      await app.caller().auth.requestPasswordReset({ email: "alice@example.com" });
      const token = await app.lastToken("alice@example.com", "password-reset");
      const mark = await eventMark(app);
      await app.caller().auth.resetPassword({ token, newPassword: NEW_PASSWORD });
      return mark;
    },
    ["password.reset alice→alice"],
  ],
  [
    "auth.verifyEmail",
    async (app) => {
      const token = await app.lastToken("alice@example.com", "verify-email");
      await app.caller().auth.verifyEmail({ token });
    },
    ["email.verified alice→alice"],
  ],
  ["user.resendVerification", (_app, { alice }) => alice.as.user.resendVerification(), []],
  [
    "user.update of the email",
    (_app, { alice }) => alice.as.user.update({ id: alice.id, email: "alice@new.example.com" }),
    ["email.changed alice→alice"],
  ],
  [
    "user.update of the username only",
    (_app, { alice }) => alice.as.user.update({ id: alice.id, username: "alicia" }),
    [],
  ],
  [
    "admin.setRole",
    (_app, { owner, alice }) => owner.as.admin.setRole({ userId: alice.id, role: "editor" }),
    ["role.changed owner→alice"],
  ],
  [
    "admin.setRole to the role it has",
    (_app, { owner, alice }) => owner.as.admin.setRole({ userId: alice.id, role: "author" }),
    [],
  ],
  [
    "admin.setRole by an editor",
    (_app, { editor, alice }) =>
      refused(editor.as.admin.setRole({ userId: alice.id, role: "reader" })),
    [],
  ],
  [
    "admin.suspend",
    (_app, { owner, alice }) => owner.as.admin.suspend({ userId: alice.id }),
    ["account.suspended owner→alice"],
  ],
  [
    "admin.unsuspend",
    async (app, { owner, alice }) => {
      await owner.as.admin.suspend({ userId: alice.id });
      const mark = await eventMark(app);
      await owner.as.admin.unsuspend({ userId: alice.id });
      return mark;
    },
    ["account.unsuspended owner→alice"],
  ],
  [
    "user.delete",
    (_app, { alice }) => alice.as.user.delete({ id: alice.id }),
    ["account.deleted alice→alice"],
  ],
  [
    "admin.deleteUser",
    (_app, { owner, alice }) => owner.as.admin.deleteUser({ userId: alice.id }),
    ["account.deleted owner→alice"],
  ],
  [
    "admin.transferOwnership",
    async (app, { owner, editor }) => {
      await owner.as.admin.setRole({ userId: editor.id, role: "admin" });
      const mark = await eventMark(app);
      await owner.as.admin.transferOwnership({ userId: editor.id, currentPassword: TEST_PASSWORD });
      return mark;
    },
    ["owner.transferred owner→editor"],
  ],
  [
    "post.update by an editor",
    (_app, { editor, post }) => editor.as.post.update({ id: post.id, title: "Edited" }),
    ["post.changed.by.other editor→alice"],
  ],
  [
    "post.unpublish by an editor",
    (_app, { editor, post }) => editor.as.post.unpublish({ id: post.id }),
    ["post.changed.by.other editor→alice"],
  ],
  [
    "post.publish by an editor",
    async (app, { alice, editor, post }) => {
      await alice.as.post.unpublish({ id: post.id });
      const mark = await eventMark(app);
      await editor.as.post.publish({ id: post.id });
      return mark;
    },
    ["post.changed.by.other editor→alice"],
  ],
  [
    "post.publish by an editor of a post already published",
    (_app, { editor, post }) => editor.as.post.publish({ id: post.id }),
    [],
  ],
  [
    "post.delete by an editor",
    (_app, { editor, post }) => editor.as.post.delete({ id: post.id }),
    ["post.changed.by.other editor→alice"],
  ],
  [
    "the author's own post.update, unpublish, publish and delete",
    async (_app, { alice, post }) => {
      await alice.as.post.update({ id: post.id, content: "Rewritten." });
      await alice.as.post.unpublish({ id: post.id });
      await alice.as.post.publish({ id: post.id });
      await alice.as.post.delete({ id: post.id });
    },
    [],
  ],
  [
    "post.create, post.submit, user.removePicture and reads",
    async (_app, { alice }) => {
      const draft = await alice.as.post.create({ title: "D", content: "d", status: "draft" });
      await alice.as.post.submit({ id: draft.id });
      await alice.as.user.removePicture({ id: alice.id });
      await alice.as.user.me();
      await alice.as.user.sessions();
      await alice.as.user.activity();
    },
    [],
  ],
];

describeEachDialect("security events", (dialect) => {
  it.each(cases)("%s writes exactly its events", async (_name, act, expected) => {
    const app = await freshApp(dialect);
    const world = await buildWorld(app);
    const mark = await eventMark(app);
    // A case that needs a step of its own before the action returns its own mark.
    const own = await act(app, world);
    const from = own && typeof own === "object" && "since" in own ? (own as typeof mark) : mark;
    const events = await from.since();
    expect(events.map(brief)).toEqual(expected);
  });

  it("names the request's address and device, the post and what was done to it", async () => {
    const app = await freshApp(dialect);
    const { editor, post } = await buildWorld(app);
    const mark = await eventMark(app);
    await app.logIn("alice", "Phone browser");
    await editor.as.post.unpublish({ id: post.id });
    const [login, moderation] = await mark.since();
    expect(login).toMatchObject({ ip: "203.0.113.7", userAgent: "Phone browser", target: null });
    expect(moderation?.target).toEqual({
      type: "post",
      id: String(post.id),
      label: "unpublished “Alice's post”",
    });
  });

  it("names an ended session by its start and device, never by its id", async () => {
    const app = await freshApp(dialect);
    const { alice, alicePhone } = await buildWorld(app);
    const started = (await alice.as.user.sessions()).find((s) => s.id === alicePhone.sessionId);
    const mark = await eventMark(app);
    await alice.as.auth.endSession({ id: alicePhone.sessionId });
    const [ended] = await mark.since();
    expect(ended?.target).toEqual({
      type: "session",
      id: started?.createdAt,
      label: FIREFOX,
    });
  });

  it("writes no event for a change that was rolled back", async () => {
    const app = await freshApp(dialect);
    const { alice } = await buildWorld(app);
    const mark = await eventMark(app);
    // The second registration of a taken name fails inside its transaction: no account.created.
    await expect(app.signUp("alice")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      alice.as.user.update({ id: alice.id, email: "owner@example.com" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await mark.since()).toEqual([]);
    const mail = await app.db.selectFrom("mail_outbox").select("recipient").execute();
    expect(mail).toEqual([]);
  });
});
