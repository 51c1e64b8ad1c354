// Test harness: a fresh migrated database per test (SQLite in memory, and Postgres in a
// schema of its own when FOLIO_TEST_POSTGRES_URL is set), and callers acting as given users.
import { type DbHandle, insertUser } from "@folio/db";
import { openScratchDb, type TestDialect } from "@folio/db/testing";
import { decodeJwt } from "jose";
import { onTestFinished } from "vitest";
import { createContextInner } from "../context.js";
import { createCaller } from "../root.js";
import { type RateLimits, unlimited } from "../shared/rate-limits.js";
import type { Session } from "../shared/shapes.js";
import { type HttpCall, type HttpOptions, sendOverHttp } from "./http.js";
import { createTestMail, type SentMail, type TestMail, tokenInMail } from "./mail-outbox.js";
import type { Caller } from "./procedures.js";

export { describeEachDialect, type TestDialect, testDialects } from "@folio/db/testing";

export const TEST_SECRET = new TextEncoder().encode("test-secret-that-is-at-least-32-bytes-long!!");
export const TEST_AUTH = { secret: TEST_SECRET, ttlSeconds: 3600 };
export const TEST_PASSWORD = "correct horse battery";
export const TEST_IP = "203.0.113.7";

export type { Caller } from "./procedures.js";

export interface SignedUp {
  session: Session;
  id: number;
  token: string;
  /** The session the token belongs to (its `sid`). */
  sessionId: string;
  as: Caller;
}

/** The `sid` of a token Folio issued (read without verifying: tests only). */
export function sessionIdOf(token: string): string {
  const { sid } = decodeJwt(token);
  if (typeof sid !== "string") throw new Error("token without sid");
  return sid;
}

export interface TestApp {
  handle: DbHandle;
  db: DbHandle["db"];
  /** A caller with no token, or with the given access token. */
  caller(token?: string | null, clientIp?: string, userAgent?: string | null): Caller;
  /** One call through tRPC's fetch adapter: the status and JSON body a client would see. */
  http(path: string, input: unknown, options?: HttpOptions): Promise<HttpCall>;
  /** Registers a user (email `<username>@example.com`) and returns a caller acting as them. */
  signUp(username: string, password?: string): Promise<SignedUp>;
  /** Mail the app sent (after `mail.drain()`), and the mail queue's log. */
  mail: TestMail;
  /** Drains the queue and returns the newest message of that kind to that address. */
  lastMail(to: string, kind: SentMail["kind"]): Promise<SentMail>;
  /** Drains the queue and returns the token of the newest link of that kind to that address. */
  lastToken(to: string, kind: "verify-email" | "password-reset"): Promise<string>;
  /**
   * Writes the site's owner straight into the database (no session, token or mail), so the
   * accounts a test signs up next are ordinary authors: for tests about an account that is not
   * the owner's (whose account can't be deleted). Its username is `siteowner`.
   */
  addSiteOwner(): Promise<number>;
  /** Logs in as `username` again (another device), with the given User-Agent. */
  logIn(username: string, userAgent?: string | null, password?: string): Promise<SignedUp>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: TestDialect,
  limits: RateLimits = unlimited,
): Promise<TestApp> {
  const handle = await openScratchDb(dialect, { poolSize: 4 });
  const mail = createTestMail(handle.db);
  const deps = { db: handle.db, auth: TEST_AUTH, limits, mail: mail.mail };
  const lastMail = async (to: string, kind: SentMail["kind"]) => {
    await mail.drain();
    const found = mail.outbox.filter((sent) => sent.to === to && sent.kind === kind).at(-1);
    if (!found) throw new Error(`no ${kind} mail to ${to}`);
    return found;
  };

  const caller = (token?: string | null, clientIp = TEST_IP, userAgent: string | null = null) =>
    createCaller(createContextInner({ ...deps, bearerToken: token ?? null, clientIp, userAgent }));
  const signedUp = (session: Session): SignedUp => {
    const token = session.accessToken;
    const sessionId = sessionIdOf(token);
    return { session, id: session.user.id, token, sessionId, as: caller(token) };
  };

  return {
    handle,
    db: handle.db,
    caller,
    http: (path, input, options) => sendOverHttp(deps, path, input, options),
    async signUp(username, password = TEST_PASSWORD) {
      const session = await caller().auth.register({
        username,
        email: `${username.toLowerCase()}@example.com`,
        password,
      });
      return signedUp(session);
    },
    async addSiteOwner() {
      const owner = await insertUser(handle.db, {
        username: "siteowner",
        email: "siteowner@example.com",
        passwordHash: "not a hash: this account never logs in",
        role: "owner",
      });
      return owner.id;
    },
    async logIn(username, userAgent = null, password = TEST_PASSWORD) {
      const login = caller(null, TEST_IP, userAgent).auth.login;
      return signedUp(await login({ login: username, password }));
    },
    mail,
    lastMail,
    lastToken: async (to, kind) => tokenInMail(await lastMail(to, kind)),
    close: async () => {
      await mail.drain();
      await handle.discard();
    },
  };
}

/** A fresh app for the current test, closed when the test ends. */
export async function freshApp(dialect: TestDialect, limits?: RateLimits): Promise<TestApp> {
  const app = await createTestApp(dialect, limits);
  onTestFinished(() => app.close());
  return app;
}
