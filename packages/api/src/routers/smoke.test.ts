import { describe, expect, it } from "vitest";
import { createTestApp, testDialects } from "../test-support/harness.js";

describe.each(testDialects)("smoke on $name", (dialect) => {
  it.skipIf(!dialect.url)("registers, posts and pages", async () => {
    const app = await createTestApp(dialect);
    const alice = await app.signUp("Alice");
    const me = await alice.as.user.me();
    expect(me.username).toBe("Alice");
    for (let i = 0; i < 3; i++) await alice.as.post.create({ title: ` t${i} `, content: "c" });
    const page1 = await app.caller().post.list({ limit: 2 });
    expect(page1.items.map((p) => p.title)).toEqual(["t2", "t1"]);
    const page2 = await app.caller().post.list({ limit: 2, cursor: page1.nextCursor ?? "" });
    expect(page2.items.map((p) => p.title)).toEqual(["t0"]);
    expect(page2.nextCursor).toBeNull();
    await expect(app.caller().post.list({ cursor: "abc.def" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const bob = await app.signUp("bob");
    await expect(bob.as.post.delete({ id: page2.items[0]!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(app.signUp("ALICE")).rejects.toMatchObject({ code: "CONFLICT" });
    const login = await app
      .caller()
      .auth.login({ login: "alice", password: "correct horse battery" });
    expect(login.user.id).toBe(me.id);
    await expect(
      app.caller().auth.login({ login: "alice", password: "wrong password" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await alice.as.auth.logoutAll();
    await expect(alice.as.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await app.close();
  });
});
