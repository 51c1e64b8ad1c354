// No user enumeration over the wire (OWASP API2, ASVS V2.2 / V3): a wrong password and an
// unknown account get byte-identical answers, by username and by email. Timing is measured by
// src/scripts/login-timing.ts (a benchmark, not a test: wall time on a shared host is noise).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../support/spawn-server.js";
import { mutate, register, type WireResponse } from "../support/trpc-http.js";

let server: RunningServer;
let known: Awaited<ReturnType<typeof register>>;

beforeAll(async () => {
  server = await spawnServer({
    env: { RATE_LIMIT_LOGIN_IP: "0", RATE_LIMIT_LOGIN_ACCOUNT: "0", RATE_LIMIT_REGISTER_IP: "0" },
  });
  known = await register(server.url, "known_person");
});
afterAll(() => server?.stop());

/** Everything a client sees except the Date header. */
function visible(res: WireResponse) {
  const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== "date"));
  return { status: res.status, headers, text: res.text };
}

const login = (name: string, password: string) =>
  mutate(server.url, "auth.login", { login: name, password });

describe("login refusals", () => {
  it("are identical for a wrong password and an unknown username", async () => {
    const wrongPassword = await login(known.username, "not the password");
    const unknownUser = await login("nobody_by_that_name", "not the password");
    expect(wrongPassword.status).toBe(401);
    expect(visible(unknownUser)).toEqual(visible(wrongPassword));
  });

  it("are identical for a wrong password and an unknown email", async () => {
    const wrongPassword = await login(`${known.username}@example.com`, "not the password");
    const unknownEmail = await login("nobody@example.com", "not the password");
    expect(wrongPassword.status).toBe(401);
    expect(visible(unknownEmail)).toEqual(visible(wrongPassword));
  });

  it("leave the known account able to log in (the refusals were the password's)", async () => {
    const res = await login(known.username, known.password);
    expect(res.status).toBe(200);
  });
});

describe("password-reset requests", () => {
  it("are answered identically for a known and an unknown email", async () => {
    const knownEmail = await mutate(server.url, "auth.requestPasswordReset", {
      email: `${known.username}@example.com`,
    });
    const unknownEmail = await mutate(server.url, "auth.requestPasswordReset", {
      email: "nobody@example.com",
    });
    expect(knownEmail.status).toBe(200);
    expect(visible(unknownEmail)).toEqual(visible(knownEmail));
  });
});
