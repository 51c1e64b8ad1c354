// verifyAccessToken on its own: the claims it accepts, and the malformed ones it turns into null.
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TEST_AUTH, TEST_SECRET } from "../test-support/harness.js";
import { issueAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyAccessToken } from "./tokens.js";

function signed(claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 60, ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .sign(TEST_SECRET);
}

describe("verifyAccessToken", () => {
  it("returns the user id and token version of a token it issued", async () => {
    const { accessToken } = await issueAccessToken(TEST_AUTH, 42, 3);
    expect(await verifyAccessToken(TEST_AUTH, accessToken)).toEqual({ userId: 42, version: 3 });
  });

  it.each([
    ["a non-numeric ver", { sub: "1", ver: "0" }],
    ["a fractional ver", { sub: "1", ver: 0.5 }],
    ["a sub that is not a number", { sub: "alice", ver: 0 }],
    ["a sub of 0", { sub: "0", ver: 0 }],
    ["a negative sub", { sub: "-4", ver: 0 }],
    ["a fractional sub", { sub: "1.5", ver: 0 }],
  ])("returns null for %s", async (_name, claims) => {
    expect(await verifyAccessToken(TEST_AUTH, await signed(claims))).toBeNull();
  });

  it("returns null for a token signed with another secret", async () => {
    const other = { ...TEST_AUTH, secret: new TextEncoder().encode("x".repeat(40)) };
    const { accessToken } = await issueAccessToken(other, 1, 0);
    expect(await verifyAccessToken(TEST_AUTH, accessToken)).toBeNull();
  });
});
