// Reading events: a person sees only the events about them (user.activity), admins see them all
// and filter them (admin.audit); pages are keyset pages newest first; events outlive the
// accounts and posts they name, and a deleted account's events are for admins only.
import { expect, it } from "vitest";
import { fieldErrorsOf } from "../shared/errors.js";
import { allEvents, buildWorld, expectIsoTime } from "../test-support/activity-world.js";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";

describeEachDialect("user.activity", (dialect) => {
  it("lists only the caller's events, newest first, in the AuditEvent shape", async () => {
    const app = await freshApp(dialect);
    const { owner, alice } = await buildWorld(app);
    await expect(
      app.caller().auth.login({ login: "alice", password: "nope!!!!" }),
    ).rejects.toBeDefined();
    const page = await alice.as.user.activity();
    expect(page.items.map((event) => event.action)).toEqual([
      "login.failed",
      "login.succeeded",
      "account.created",
    ]);
    expect(page.items.every((event) => event.subject?.id === alice.id)).toBe(true);
    expect(page.nextCursor).toBeNull();
    const [failed] = page.items;
    expect(Object.keys(failed ?? {}).sort()).toEqual(
      ["action", "actor", "at", "id", "ip", "subject", "target", "userAgent"].sort(),
    );
    expect(failed).toMatchObject({ actor: null, subject: { id: alice.id, username: "alice" } });
    expectIsoTime(failed?.at ?? "");
    const ownerPage = await owner.as.user.activity({ limit: 50 });
    expect(ownerPage.items.every((event) => event.subject?.id === owner.id)).toBe(true);
  });

  it("pages with signed cursors, never repeating or skipping an event as new ones arrive", async () => {
    const app = await freshApp(dialect);
    const { alice } = await buildWorld(app);
    for (let i = 0; i < 4; i++) await app.logIn("alice");
    const everything = (await alice.as.user.activity({ limit: 50 })).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await alice.as.user.activity({ limit: 2, cursor });
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor;
      await app.logIn("alice"); // a newer event between page loads
    } while (cursor);
    expect(seen).toEqual(everything);
  });

  it("refuses a cursor it did not issue, a feed's cursor included", async () => {
    const app = await freshApp(dialect);
    const { alice } = await buildWorld(app);
    for (let i = 0; i < 3; i++) await alice.as.post.create({ title: `p${i}`, content: "c" });
    const feedCursor = (await app.caller().post.list({ limit: 1 })).nextCursor ?? "";
    const eventCursor = (await alice.as.user.activity({ limit: 1 })).nextCursor ?? "";
    for (const cursor of [feedCursor, `${eventCursor}x`, "abc.def"]) {
      await expectRefused(app.db, () => alice.as.user.activity({ cursor }), "BAD_REQUEST");
    }
    await expectRefused(
      app.db,
      () => app.caller().post.list({ cursor: eventCursor }),
      "BAD_REQUEST",
    );
  });

  it("shows a moderator's action without the moderator's address or device", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice, post } = await buildWorld(app);
    await app
      .caller(editor.token, "198.51.100.9", "Editor browser")
      .post.unpublish({ id: post.id });
    const [mine] = (await alice.as.user.activity()).items;
    expect(mine).toMatchObject({
      action: "post.changed.by.other",
      actor: { id: editor.id, username: "editor" },
      ip: null,
      userAgent: null,
    });
    // Admins see where it came from.
    const [forAdmins] = (await owner.as.admin.audit({ action: "post.changed.by.other" })).items;
    expect(forAdmins).toMatchObject({ ip: "198.51.100.9", userAgent: "Editor browser" });
  });
});

describeEachDialect("admin.audit", (dialect) => {
  it("lists every event, and filters by account (as actor or subject) and by action", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice, post } = await buildWorld(app);
    await editor.as.post.update({ id: post.id, title: "Retitled" });
    const all = (await owner.as.admin.audit({ limit: 50 })).items;
    expect(all.map((event) => event.id)).toEqual((await allEvents(app)).map((e) => e.id).reverse());
    const byEditor = (await owner.as.admin.audit({ userId: editor.id, limit: 50 })).items;
    expect(byEditor.length).toBeGreaterThan(0);
    expect(byEditor.every((e) => e.actor?.id === editor.id || e.subject?.id === editor.id)).toBe(
      true,
    );
    expect(byEditor.map((e) => e.action)).toContain("post.changed.by.other");
    expect(byEditor.map((e) => e.action)).toContain("role.changed");
    const logins = (await owner.as.admin.audit({ action: "login.succeeded", limit: 50 })).items;
    expect(logins.map((e) => e.subject?.username)).toEqual(["alice"]);
    const both = await owner.as.admin.audit({ userId: alice.id, action: "account.created" });
    expect(both.items.map((e) => e.subject?.username)).toEqual(["alice"]);
    const nobody = await owner.as.admin.audit({ userId: 987_654 });
    expect(nobody).toEqual({ items: [], nextCursor: null });
  });

  it("pages through an account's events as actor or subject without repeats", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice, post } = await buildWorld(app);
    for (const title of ["a", "b", "c"]) await editor.as.post.update({ id: post.id, title });
    await app.logIn("editor");
    await owner.as.admin.setRole({ userId: alice.id, role: "contributor" });
    const everything = (await owner.as.admin.audit({ userId: editor.id, limit: 50 })).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await owner.as.admin.audit({ userId: editor.id, limit: 2, cursor });
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.map((event) => event.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses everyone below admin before reading anything, and bad filters naming the field", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice } = await buildWorld(app);
    for (const who of [editor, alice]) {
      await expectRefused(
        app.db,
        () => who.as.admin.audit({ action: "nope" as never }),
        "FORBIDDEN",
      );
    }
    for (const [field, input] of [
      ["action", { action: "login.maybe" }],
      ["userId", { userId: -1 }],
      ["limit", { limit: 51 }],
    ] as const) {
      const error = await expectRefused(
        app.db,
        () => owner.as.admin.audit(input as never),
        "BAD_REQUEST",
      );
      expect(Object.keys(fieldErrorsOf(error.cause)?.fieldErrors ?? {})).toEqual([field]);
    }
  });
});

describeEachDialect("events after deletions", (dialect) => {
  it("outlive the accounts and posts they name; a deleted account's are for admins only", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice, post } = await buildWorld(app);
    await editor.as.post.delete({ id: post.id });
    await owner.as.admin.deleteUser({ userId: editor.id });
    // Alice still sees what the (now deleted) editor did, by the name it had.
    const [moderation] = (await alice.as.user.activity()).items;
    expect(moderation).toMatchObject({
      action: "post.changed.by.other",
      actor: { id: editor.id, username: "editor" },
      target: { type: "post", id: String(post.id), label: "deleted “Alice's post”" },
    });
    await alice.as.user.delete({ id: alice.id });
    const aliceEvents = (await owner.as.admin.audit({ userId: alice.id, limit: 50 })).items;
    expect(aliceEvents.map((e) => e.action)).toEqual([
      "account.deleted",
      "post.changed.by.other",
      "login.succeeded",
      "account.created",
    ]);
    expect(aliceEvents[0]).toMatchObject({
      actor: { username: "alice" },
      subject: { username: "alice" },
    });
    // A new account never gets a deleted one's id, so never its events.
    const newcomer = await app.signUp("alice");
    expect(newcomer.id).not.toBe(alice.id);
    const mine = (await newcomer.as.user.activity({ limit: 50 })).items;
    expect(mine.map((e) => e.action)).toEqual(["account.created"]);
    await expect(
      app.caller().auth.login({ login: "alice", password: TEST_PASSWORD }),
    ).resolves.toBeDefined();
  });
});
