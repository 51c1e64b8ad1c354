// An unknown login must cost what a wrong password costs, or response times reveal which
// accounts exist. Asserted by the work done (one full argon2id verification with the real
// parameters either way), not by a clock: timings are measured in a benchmark
// (apps/server/src/scripts/login-timing.ts), never asserted in a test.
import { verify } from "@node-rs/argon2";
import { expect, it, vi } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";

vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});

const OWASP_HASH_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

describeEachDialect("login without a known account", (dialect) => {
  it("runs one full argon2id verification, exactly as a wrong password does", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    const hashesVerifiedBy = async (login: string) => {
      vi.mocked(verify).mockClear();
      await expect(
        app.caller().auth.login({ login, password: "not the password" }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      return vi.mocked(verify).mock.calls.map(([hash]) => String(hash).slice(0, 31));
    };
    expect(await hashesVerifiedBy("alice")).toEqual([OWASP_HASH_PREFIX]);
    expect(await hashesVerifiedBy("nobody")).toEqual([OWASP_HASH_PREFIX]);
  });
});
