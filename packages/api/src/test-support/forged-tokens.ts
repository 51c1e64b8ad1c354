// Every way a request can carry a token Folio must refuse (issue 6), as Authorization headers.
import { SignJWT } from "jose";
import { issueAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../auth/tokens.js";
import { type SignedUp, TEST_AUTH, TEST_PASSWORD, TEST_SECRET, type TestApp } from "./harness.js";

export interface TokenAttack {
  name: string;
  /** The Authorization header to send; undefined sends none. */
  authorization: string | undefined;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

function sign(payload: Record<string, unknown>, alg = "HS256", secret = TEST_SECRET) {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT" }).sign(secret);
}

/** Claims exactly like a real token's for `userId` and `sessionId`, plus `extra`. */
function claims(userId: number, sessionId: string, extra: Record<string, unknown> = {}) {
  const issuedAt = now();
  return {
    sub: String(userId),
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: issuedAt,
    exp: issuedAt + 3600,
    sid: sessionId,
    ...extra,
  };
}

function without(payload: Record<string, unknown>, key: string) {
  const { [key]: _dropped, ...rest } = payload;
  return rest;
}

/**
 * Builds the attacks against `owner`'s live session. Registers helper users in `app`: one
 * logged out everywhere, one logged out on its device, one whose session expired in the
 * database (its token still unexpired), one that was deleted, and one whose session id is
 * paired with the owner's user id.
 */
export async function buildTokenAttacks(app: TestApp, owner: SignedUp): Promise<TokenAttack[]> {
  const ownerId = owner.id;
  const revoked = await app.signUp("revoked");
  await revoked.as.auth.logoutAll();
  const loggedOut = await app.signUp("loggedout");
  await loggedOut.as.auth.logout();
  const lapsed = await app.signUp("lapsed");
  await app.db
    .updateTable("sessions")
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where("id", "=", lapsed.sessionId)
    .execute();
  const ghost = await app.signUp("ghost");
  await ghost.as.user.delete({ id: ghost.id });
  const neighbour = await app.signUp("neighbour");

  const valid = claims(ownerId, owner.sessionId);
  const otherSecret = new TextEncoder().encode("not-the-server-secret-but-32-bytes-long!");
  const real = (await issueAccessToken(TEST_AUTH, ownerId, owner.sessionId)).accessToken;
  const expired = await issueAccessToken(
    { ...TEST_AUTH, ttlSeconds: -60 },
    ownerId,
    owner.sessionId,
  );
  const bearer = (token: string) => `Bearer ${token}`;

  return [
    { name: "no token", authorization: undefined },
    { name: "an empty Bearer", authorization: "Bearer " },
    { name: "a valid token under the Token scheme", authorization: `Token ${real}` },
    { name: "a valid token with no scheme", authorization: real },
    {
      name: "Basic credentials",
      authorization: `Basic ${Buffer.from(`owner:${TEST_PASSWORD}`).toString("base64")}`,
    },
    { name: "a garbage token", authorization: bearer("garbage") },
    { name: "a wrong signature", authorization: bearer(await sign(valid, "HS256", otherSecret)) },
    {
      name: "a tampered payload",
      authorization: bearer(
        real.replace(/\.[^.]+\./, `.${base64url(claims(neighbour.id, neighbour.sessionId))}.`),
      ),
    },
    {
      name: "alg none",
      authorization: bearer(`${base64url({ alg: "none", typ: "JWT" })}.${base64url(valid)}.`),
    },
    { name: "HS512 with the same secret", authorization: bearer(await sign(valid, "HS512")) },
    { name: "an expired token", authorization: bearer(expired.accessToken) },
    { name: "no exp", authorization: bearer(await sign(without(valid, "exp"))) },
    { name: "a wrong issuer", authorization: bearer(await sign({ ...valid, iss: "evil" })) },
    { name: "a wrong audience", authorization: bearer(await sign({ ...valid, aud: "other" })) },
    { name: "no sid", authorization: bearer(await sign(without(valid, "sid"))) },
    { name: "a numeric sid", authorization: bearer(await sign({ ...valid, sid: 7 })) },
    {
      name: "a token-version token of before sessions",
      authorization: bearer(await sign({ ...without(valid, "sid"), ver: 0 })),
    },
    {
      name: "a made-up sid",
      authorization: bearer(await sign({ ...valid, sid: "madeUpSessionId000000000" })),
    },
    {
      name: "another user's sid under the owner's sub",
      authorization: bearer(await sign({ ...valid, sid: neighbour.sessionId })),
    },
    { name: "a non-numeric sub", authorization: bearer(await sign({ ...valid, sub: "owner" })) },
    { name: "a token of a user logged out everywhere", authorization: bearer(revoked.token) },
    { name: "a token whose session was logged out", authorization: bearer(loggedOut.token) },
    { name: "a token whose session expired", authorization: bearer(lapsed.token) },
    { name: "a deleted user's token", authorization: bearer(ghost.token) },
    {
      name: "a never-existing user",
      authorization: bearer(await sign(claims(999_999, owner.sessionId))),
    },
  ];
}
