// Issue 6: every protected or owner-only procedure refuses every bad token the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNAUTHENTICATED_MESSAGE } from "../shared/errors.js";
import { buildTokenAttacks, type TokenAttack } from "../test-support/forged-tokens.js";
import { createTestApp, describeEachDialect, type TestApp } from "../test-support/harness.js";
import {
  createFixture,
  type Fixture,
  sampleInput,
  signedInPaths,
} from "../test-support/sample-inputs.js";
import { snapshotDatabase } from "../test-support/snapshot.js";
import { readBearerToken } from "./bearer.js";

describe("readBearerToken", () => {
  it.each([
    ["Bearer abc.def.ghi", "abc.def.ghi"],
    ["bearer abc.def.ghi", "abc.def.ghi"],
    ["  Bearer abc-_.x  ", "abc-_.x"],
  ])("reads the token of %j", (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  it.each([
    undefined,
    "",
    "Bearer",
    "Bearer ",
    "Bearer a b",
    "Basic YWxpY2U6cHc=",
    "Token abc",
    "abc.def.ghi",
    "Bearer abc\ndef",
    ["Bearer a", "Bearer b"],
  ])("finds no token in %j", (header) => {
    expect(readBearerToken(header)).toBeNull();
  });
});

describeEachDialect("token attacks", (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  let attacks: TokenAttack[];

  beforeAll(async () => {
    app = await createTestApp(dialect);
    fixture = await createFixture(app);
    attacks = await buildTokenAttacks(app, fixture.owner);
  });
  afterAll(() => app.close());

  it("builds at least the attacks issue 6 lists", () => {
    expect(attacks.length).toBeGreaterThanOrEqual(25);
  });

  it.each(signedInPaths())(
    "refuses %s with UNAUTHORIZED and one message for every bad token, changing nothing",
    async (path) => {
      const before = await snapshotDatabase(app.db);
      for (const attack of attacks) {
        const input = sampleInput(path, fixture);
        const response = await app.http(path, input, { authorization: attack.authorization });
        const what = `${path} with ${attack.name}`;
        expect(response.status, what).toBe(401);
        expect(response.error?.data.code, what).toBe("UNAUTHORIZED");
        expect(response.error?.message, what).toBe(UNAUTHENTICATED_MESSAGE);
      }
      expect(await snapshotDatabase(app.db)).toEqual(before);
    },
  );

  it("accepts the owner's real token on the same procedure, so the refusals are the token's", async () => {
    const response = await app.http("user.me", undefined, { token: fixture.owner.token });
    expect(response.data).toEqual(fixture.owner.session.user);
  });
});
