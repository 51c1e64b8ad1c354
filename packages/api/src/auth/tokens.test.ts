// verifyAccessToken on its own: the claims it accepts, and the malformed ones it turns into null.
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TEST_AUTH, TEST_SECRET } from "../test-support/harness.js";
import { issueAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyAccessToken } from "./tokens.js";

const SID = "AAAAAAAAAAAAAAAAAAAAAAAA";

function signed(claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 60, ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .sign(TEST_SECRET);
}

describe("verifyAccessToken", () => {
  it("returns the user id and session id of a token it issued", async () => {
    const { accessToken } = await issueAccessToken(TEST_AUTH, 42, SID);
    expect(await verifyAccessToken(TEST_AUTH, accessToken)).toEqual({ userId: 42, sessionId: SID });
  });

  it.each([
    ["no sid", { sub: "1" }],
    ["a numeric sid", { sub: "1", sid: 123456789 }],
    ["a short sid", { sub: "1", sid: "abc" }],
    ["a sid with other characters", { sub: "1", sid: `${SID.slice(1)}'` }],
    ["a token-version token of before sessions", { sub: "1", ver: 0 }],
    ["a sub that is not a number", { sub: "alice", sid: SID }],
    ["a sub of 0", { sub: "0", sid: SID }],
    ["a negative sub", { sub: "-4", sid: SID }],
    ["a fractional sub", { sub: "1.5", sid: SID }],
  ])("returns null for %s", async (_name, claims) => {
    expect(await verifyAccessToken(TEST_AUTH, await signed(claims))).toBeNull();
  });

  it("returns null for a token signed with another secret", async () => {
    const other = { ...TEST_AUTH, secret: new TextEncoder().encode("x".repeat(40)) };
    const { accessToken } = await issueAccessToken(other, 1, SID);
    expect(await verifyAccessToken(TEST_AUTH, accessToken)).toBeNull();
  });
});
