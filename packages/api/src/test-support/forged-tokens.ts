// Every way a request can carry a token Folio must refuse (issue 6), as Authorization headers.
import { SignJWT } from "jose";
import { issueAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../auth/tokens.js";
import { TEST_AUTH, TEST_PASSWORD, TEST_SECRET, type TestApp } from "./harness.js";

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

/** Claims exactly like a real token's for `userId`, minus `omit`, plus `extra`. */
function claims(userId: number, version: number, extra: Record<string, unknown> = {}) {
  const issuedAt = now();
  return {
    sub: String(userId),
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: issuedAt,
    exp: issuedAt + 3600,
    ver: version,
    ...extra,
  };
}

function without(payload: Record<string, unknown>, key: string) {
  const { [key]: _dropped, ...rest } = payload;
  return rest;
}

/**
 * Builds the attacks against `ownerId` (whose token version is 0). Registers two helper users
 * in `app`: one whose tokens were revoked, and one that was deleted.
 */
export async function buildTokenAttacks(app: TestApp, ownerId: number): Promise<TokenAttack[]> {
  const revoked = await app.signUp("revoked");
  await revoked.as.auth.logoutAll();
  const ghost = await app.signUp("ghost");
  await ghost.as.user.delete({ id: ghost.id });

  const valid = claims(ownerId, 0);
  const otherSecret = new TextEncoder().encode("not-the-server-secret-but-32-bytes-long!");
  const real = (await issueAccessToken(TEST_AUTH, ownerId, 0)).accessToken;
  const expired = await issueAccessToken({ ...TEST_AUTH, ttlSeconds: -60 }, ownerId, 0);
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
      authorization: bearer(real.replace(/\.[^.]+\./, `.${base64url(claims(ownerId + 1, 0))}.`)),
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
    { name: "no ver", authorization: bearer(await sign(without(valid, "ver"))) },
    { name: "a non-numeric ver", authorization: bearer(await sign({ ...valid, ver: "0" })) },
    { name: "a ver ahead of the user's", authorization: bearer(await sign({ ...valid, ver: 7 })) },
    { name: "a non-numeric sub", authorization: bearer(await sign({ ...valid, sub: "owner" })) },
    { name: "a revoked token version", authorization: bearer(revoked.token) },
    { name: "a deleted user's token", authorization: bearer(ghost.token) },
    { name: "a never-existing user", authorization: bearer(await sign(claims(999_999, 0))) },
  ];
}
