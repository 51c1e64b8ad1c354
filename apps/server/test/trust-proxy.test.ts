// TRUST_PROXY: only then does X-Forwarded-For decide the client address that limits count.
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate } from "./support/trpc-http.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Three failed logins, each claiming a different forwarded address; the statuses. */
async function failFromThreeAddresses(trustProxy: string | undefined) {
  server = await spawnServer({
    env: { TRUST_PROXY: trustProxy, RATE_LIMIT_LOGIN_IP: "2", RATE_LIMIT_LOGIN_ACCOUNT: "0" },
  });
  const statuses: number[] = [];
  for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
    const res = await mutate(
      server.url,
      "auth.login",
      { login: `someone${address}`, password: "wrong password" },
      { headers: { "x-forwarded-for": address } },
    );
    statuses.push(res.status);
  }
  return statuses;
}

describe("TRUST_PROXY", () => {
  it("ignores X-Forwarded-For by default, so a client cannot pick its own address", async () => {
    expect(await failFromThreeAddresses(undefined)).toEqual([401, 401, 429]);
  });

  it("uses X-Forwarded-For as the client address when set to true", async () => {
    expect(await failFromThreeAddresses("true")).toEqual([401, 401, 401]);
  });

  it("trusts only the nearest proxy's entry, not addresses the client prepended", async () => {
    server = await spawnServer({
      env: { TRUST_PROXY: "1", RATE_LIMIT_LOGIN_IP: "2", RATE_LIMIT_LOGIN_ACCOUNT: "0" },
    });
    const statuses: number[] = [];
    for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      const res = await mutate(
        server.url,
        "auth.login",
        { login: `x${forged}`, password: "wrong password" },
        // The proxy appends the address it saw (always the same client here).
        { headers: { "x-forwarded-for": `${forged}, 203.0.113.9` } },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
