// The session procedures on the wire: status codes, the User-Agent a session records, and
// refusals that change nothing.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { expectHttpRefused } from "../test-support/snapshot.js";
import { USER_AGENT_MAX_LENGTH } from "./user-agent.js";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

describeEachDialect("device sessions over HTTP", (dialect) => {
  it("records the User-Agent header, truncated, and lists it with user.sessions", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const login = (userAgent: string) =>
      app.http("auth.login", { login: "alice", password: "correct horse battery" }, { userAgent });
    const firefox = (await login(FIREFOX)).data as { accessToken: string };
    await login(`x${"y".repeat(1000)}`);
    const listed = await app.http("user.sessions", undefined, { token: firefox.accessToken });
    expect(listed.status).toBe(200);
    const sessions = listed.data as { userAgent: string | null; current: boolean }[];
    expect(sessions.find((s) => s.current)?.userAgent).toBe(FIREFOX);
    const long = sessions.find((s) => s.userAgent?.startsWith("xy"));
    expect(long?.userAgent).toHaveLength(USER_AGENT_MAX_LENGTH);
  });

  it("answers 401 to a token right after auth.logout answered 200 for it", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    expect((await app.http("auth.logout", undefined, { token: alice.token })).status).toBe(200);
    await expectHttpRefused(
      app.db,
      () => app.http("user.me", undefined, { token: alice.token }),
      "UNAUTHORIZED",
    );
  });

  it("answers 404 to endSession on another user's session, which keeps working", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    await expectHttpRefused(
      app.db,
      () => app.http("auth.endSession", { id: bob.sessionId }, { token: alice.token }),
      "NOT_FOUND",
    );
    expect((await app.http("user.me", undefined, { token: bob.token })).status).toBe(200);
  });

  it("answers 400 naming id to an endSession id that is not a string, ending nothing", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    for (const id of [42, "", "x".repeat(65), null]) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("auth.endSession", { id }, { token: alice.token }),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["id"]);
    }
  });

  it("answers logoutOthers and changePassword with 200, leaving one session", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    await app.logIn("alice");
    const others = await app.http("auth.logoutOthers", undefined, { token: alice.token });
    expect(others).toMatchObject({ status: 200, data: { ok: true } });
    const change = await app.http(
      "user.changePassword",
      { currentPassword: "correct horse battery", newPassword: "another secret" },
      { token: alice.token, userAgent: FIREFOX },
    );
    expect(change.status).toBe(200);
    const token = (change.data as { accessToken: string }).accessToken;
    expect((await app.http("user.me", undefined, { token: alice.token })).status).toBe(401);
    const listed = await app.http("user.sessions", undefined, { token });
    expect(listed.data).toEqual([expect.objectContaining({ current: true, userAgent: FIREFOX })]);
  });
});
