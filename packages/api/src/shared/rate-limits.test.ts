// API.md "Limits": failed logins per address and per account, registrations per address.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { describeEachDialect, freshApp, TEST_PASSWORD } from "../test-support/harness.js";
import { expectHttpRefused, snapshotDatabase } from "../test-support/snapshot.js";
import { RateLimitedError } from "./errors.js";
import { createRateLimits, type RateLimitSettings } from "./rate-limits.js";

const OFF: RateLimitSettings = { loginPerIp: 0, loginPerAccount: 0, registerPerIp: 0 };

async function refusal(attempt: Promise<unknown>): Promise<TRPCError> {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("createRateLimits with the memory store", () => {
  it("refuses the login after loginPerIp failures from one address, for any account", async () => {
    const limits = createRateLimits({ ...OFF, loginPerIp: 3 });
    for (const login of ["a", "b", "c"]) await limits.beginLogin("1.1.1.1", login);
    const error = await refusal(limits.beginLogin("1.1.1.1", "d"));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.cause).toBeInstanceOf(RateLimitedError);
    const retryAfter = (error.cause as RateLimitedError).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    await expect(limits.beginLogin("2.2.2.2", "d")).resolves.toBeUndefined();
  });

  it("counts failures per account as typed, ignoring case and spaces, from any address", async () => {
    const limits = createRateLimits({ ...OFF, loginPerAccount: 2 });
    await limits.beginLogin("1.1.1.1", "Alice");
    await limits.beginLogin("2.2.2.2", " alice ");
    expect((await refusal(limits.beginLogin("3.3.3.3", "ALICE"))).code).toBe("TOO_MANY_REQUESTS");
    await expect(limits.beginLogin("3.3.3.3", "bob")).resolves.toBeUndefined();
  });

  it("gives the attempt back on success, so only failures count", async () => {
    const limits = createRateLimits({ ...OFF, loginPerIp: 2, loginPerAccount: 2 });
    for (let i = 0; i < 5; i++) {
      await limits.beginLogin("1.1.1.1", "alice");
      await limits.loginSucceeded("1.1.1.1", "alice");
    }
    await limits.beginLogin("1.1.1.1", "alice");
    await limits.beginLogin("1.1.1.1", "alice");
    expect((await refusal(limits.beginLogin("1.1.1.1", "alice"))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("turns every limit off at 0", async () => {
    const limits = createRateLimits(OFF);
    for (let i = 0; i < 100; i++) {
      await limits.beginLogin("1.1.1.1", "alice");
      await limits.beginRegistration("1.1.1.1");
    }
  });

  it("counts registrations per address", async () => {
    const limits = createRateLimits({ ...OFF, registerPerIp: 2 });
    await limits.beginRegistration("1.1.1.1");
    await limits.beginRegistration("1.1.1.1");
    expect((await refusal(limits.beginRegistration("1.1.1.1"))).code).toBe("TOO_MANY_REQUESTS");
    await expect(limits.beginRegistration("2.2.2.2")).resolves.toBeUndefined();
  });
});

describe("createRateLimits with the Redis store while Redis is unreachable", () => {
  // An ioredis client whose connection has ended: every command is refused at once.
  const unreachable = { kind: "redis", client: { status: "end" } } as const;

  it("keeps counting in this process instead of failing every login", async () => {
    const limits = createRateLimits({ ...OFF, loginPerIp: 2 }, unreachable);
    await limits.beginLogin("1.1.1.1", "a");
    await limits.beginLogin("1.1.1.1", "b");
    expect((await refusal(limits.beginLogin("1.1.1.1", "c"))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("still gives the attempt back on success", async () => {
    const limits = createRateLimits({ ...OFF, loginPerIp: 1 }, unreachable);
    await limits.beginLogin("1.1.1.1", "a");
    await limits.loginSucceeded("1.1.1.1", "a");
    await expect(limits.beginLogin("1.1.1.1", "a")).resolves.toBeUndefined();
  });
});

describeEachDialect("rate limits through the router", (dialect) => {
  it("refuses even the correct password while an account is limited, with retryAfterSeconds", async () => {
    const app = await freshApp(dialect, createRateLimits({ ...OFF, loginPerAccount: 2 }));
    await app.signUp("alice");
    for (const ip of ["10.0.0.1", "10.0.0.2"]) {
      const wrong = await app.http("auth.login", { login: "ALICE", password: "wrong one" }, { ip });
      expect(wrong.error?.data.code).toBe("UNAUTHORIZED");
    }
    const error = await expectHttpRefused(
      app.db,
      () => app.http("auth.login", { login: "alice", password: TEST_PASSWORD }, { ip: "10.0.0.3" }),
      "TOO_MANY_REQUESTS",
    );
    expect(error.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.data.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("counts failed logins for unknown accounts against the address", async () => {
    const app = await freshApp(dialect, createRateLimits({ ...OFF, loginPerIp: 2 }));
    await app.signUp("alice");
    for (const login of ["ghost1", "ghost2"]) {
      await expect(
        app.caller(null, "10.0.0.9").auth.login({ login, password: TEST_PASSWORD }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      app.caller(null, "10.0.0.9").auth.login({ login: "alice", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const other = await app.caller(null, "10.0.0.10").auth.login({
      login: "alice",
      password: TEST_PASSWORD,
    });
    expect(other.user.username).toBe("alice");
  });

  it("counts every registration attempt, invalid input included, before parsing it", async () => {
    const app = await freshApp(dialect, createRateLimits({ ...OFF, registerPerIp: 2 }));
    const ip = "10.0.0.20";
    expect((await app.http("auth.register", { username: "x" }, { ip })).status).toBe(400);
    expect((await app.http("auth.register", "not even an object", { ip })).status).toBe(400);
    const valid = { username: "carol", email: "carol@example.com", password: TEST_PASSWORD };
    const error = await expectHttpRefused(
      app.db,
      () => app.http("auth.register", valid, { ip }),
      "TOO_MANY_REQUESTS",
    );
    expect(error.data.retryAfterSeconds).toBeGreaterThan(0);
    expect((await snapshotDatabase(app.db)).users).toEqual([]);
    expect((await app.http("auth.register", valid, { ip: "10.0.0.21" })).status).toBe(200);
  });
});
