// One real server and one browser per test file; a fresh browser context (cookies, storage)
// per test. The server is apps/server's own test helper, so the browser tests run exactly
// what production runs: the built server serving the built SPA.
// The first account on a database becomes its owner, so each server gets its owner before any
// test runs: every account a test registers is then an ordinary author, as before roles.
import type { Session } from "@folio/api";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type RunningServer, spawnServer } from "../../../server/test/support/spawn-server.ts";
import { registerUser } from "./api";
import { launchBrowser } from "./browser";

const WEB_DIST_DIR = new URL("../../dist", import.meta.url).pathname;

export interface Folio {
  url: string;
  browser: Browser;
  /** The site's owner (a superuser), registered first on the fresh server. */
  owner: Session;
  /** A new page in a new context; logged in as `session` when given. */
  newPage(session?: Session): Promise<Page>;
}

/** `env` may be a function, read when the server starts (e.g. a mail server's address). */
export function useFolio(env: Record<string, string> | (() => Record<string, string>) = {}): Folio {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let owner: Session | undefined;
  const contexts: BrowserContext[] = [];
  // What a person would never see but must never happen: a script error, or anything the
  // Content-Security-Policy blocked (an inline style or script would break the page).
  const pageProblems: string[] = [];
  const folio = {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error("browser not started");
      return browser;
    },
    get owner() {
      if (!owner) throw new Error("server not started");
      return owner;
    },
    async newPage(session?: Session) {
      const context = await folio.browser.newContext({ baseURL: folio.url });
      contexts.push(context);
      if (session) await context.addInitScript(storeSession, session);
      const page = await context.newPage();
      page.on("pageerror", (error) => pageProblems.push(`uncaught error: ${error.message}`));
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) pageProblems.push(message.text());
      });
      return page;
    },
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      spawnServer({
        env: {
          WEB_DIST_DIR,
          // Every test registers from 127.0.0.1; per-account login limits stay on.
          RATE_LIMIT_REGISTER_IP: "0",
          RATE_LIMIT_LOGIN_IP: "0",
          ...(typeof env === "function" ? env() : env),
        },
      }),
      launchBrowser(),
    ]);
    owner = await registerUser(server.url, "owner");
    if (owner.user.role !== "owner") throw new Error("the first account did not become the owner");
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageProblems.splice(0), "script errors or CSP violations in the page").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return folio;
}

/**
 * Runs in the page before the app, writing the keys the app's auth store reads. Once per tab
 * (sessionStorage survives navigations), so logging out in a test really logs out.
 */
function storeSession(session: Session) {
  if (sessionStorage.getItem("e2e.seeded")) return;
  sessionStorage.setItem("e2e.seeded", "1");
  localStorage.setItem("folio.token", session.accessToken);
  localStorage.setItem("folio.user", JSON.stringify(session.user));
}
