// No event carries a secret: after a scenario that touches every kind of secret Folio holds
// (passwords, access tokens, session ids, mailed tokens and their hashes, password hashes) and
// the text of posts, the whole table is searched for each of them.
import { expect, it } from "vitest";
import { hashAccountToken } from "../shared/account-tokens.js";
import { buildWorld } from "../test-support/activity-world.js";
import {
  describeEachDialect,
  freshApp,
  sessionIdOf,
  TEST_PASSWORD,
} from "../test-support/harness.js";

const SECOND_PASSWORD = "second secret phrase 41";
const THIRD_PASSWORD = "third secret phrase 77";
const POST_TEXT = "Unmistakable post body 8f3a91";
const EDITED_TEXT = "Unmistakable edited body 1c2d3e";

describeEachDialect("security events and secrets", (dialect) => {
  it("record no password, token, token hash, session id, password hash or post text", async () => {
    const app = await freshApp(dialect);
    const { owner, editor, alice, alicePhone } = await buildWorld(app);
    const secrets = new Set<string>([TEST_PASSWORD, SECOND_PASSWORD, THIRD_PASSWORD]);
    const remember = (...values: string[]) => {
      for (const value of values) secrets.add(value);
    };
    const rememberSession = (token: string) => remember(token, sessionIdOf(token));
    for (const who of [owner, editor, alice, alicePhone]) rememberSession(who.token);

    const post = await alice.as.post.create({ title: "Plain title", content: POST_TEXT });
    await editor.as.post.update({ id: post.id, content: EDITED_TEXT });
    await editor.as.post.unpublish({ id: post.id });
    remember(POST_TEXT, EDITED_TEXT);

    const verify = await app.lastToken("alice@example.com", "verify-email");
    await app.caller().auth.verifyEmail({ token: verify });
    await expect(
      app.caller().auth.login({ login: "alice", password: "a wrong password" }),
    ).rejects.toBeDefined();
    remember(verify, hashAccountToken(verify), "a wrong password");

    const changed = await alicePhone.as.user.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: SECOND_PASSWORD,
    });
    rememberSession(changed.accessToken);
    await app.caller().auth.requestPasswordReset({ email: "alice@example.com" });
    const reset = await app.lastToken("alice@example.com", "password-reset");
    remember(reset, hashAccountToken(reset));
    const afterReset = await app
      .caller()
      .auth.resetPassword({ token: reset, newPassword: THIRD_PASSWORD });
    rememberSession(afterReset.accessToken);
    const again = await app.logIn("alice", "Another browser", THIRD_PASSWORD);
    rememberSession(again.token);
    await again.as.auth.endSession({ id: sessionIdOf(afterReset.accessToken) });
    await again.as.auth.logoutOthers();
    await again.as.auth.logout();
    await owner.as.admin.suspend({ userId: editor.id });
    await owner.as.admin.deleteUser({ userId: editor.id });

    const hashes = await app.db.selectFrom("users").select("password_hash").execute();
    remember(...hashes.map((row) => row.password_hash));
    await app.mail.drain();
    const rows = await app.db.selectFrom("audit_events").selectAll().execute();
    // The scenario did record events of every sort it went through.
    expect(new Set(rows.map((row) => row.action)).size).toBeGreaterThanOrEqual(12);
    const stored = JSON.stringify(rows);
    const leaked = [...secrets].filter((secret) => stored.includes(secret));
    expect(leaked).toEqual([]);
  });
});
