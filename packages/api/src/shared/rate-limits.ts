// Limits on login failures, registrations, password-reset requests, confirmation mails,
// picture uploads and comments (API.md "Limits"), on rate-limiter-flexible so the counters can live in
// memory (one process) or in Redis/Postgres (shared by many).
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { rateLimited } from "./errors.js";
import { postgresLimiter, rateLimitTable } from "./rate-limit-postgres-table.js";

export interface RateLimitSettings {
  /** Failed logins per client address per 15 minutes; 0 turns the limit off. */
  loginPerIp: number;
  /** Failed logins per login name per 15 minutes; 0 turns the limit off. */
  loginPerAccount: number;
  /** Registrations per client address per hour; 0 turns the limit off. */
  registerPerIp: number;
  /** Password-reset requests per client address per hour (default 10); 0 turns it off. */
  resetPerIp?: number;
  /** Password-reset requests per email address per hour, known or not (default 3); 0 = off. */
  resetPerEmail?: number;
  /** Confirmation mails per account per hour (default 5); 0 turns the limit off. */
  mailPerUser?: number;
  /** Picture uploads per account per hour; unset or 0 turns the limit off (the server sets 20). */
  uploadPerUser?: number;
  /** Comments per account per 10 minutes; unset or 0 turns the limit off (the server sets 30). */
  commentPerUser?: number;
}

export type RateLimitStore =
  | { kind: "memory" }
  | { kind: "redis"; client: unknown }
  | { kind: "postgres"; pool: unknown };

export interface RateLimits {
  /** Reserves one login attempt; refuses with TOO_MANY_REQUESTS while a limit is exceeded. */
  beginLogin(ip: string, login: string): Promise<void>;
  /** Gives back the attempt reserved by beginLogin: only failures count. */
  loginSucceeded(ip: string, login: string): Promise<void>;
  /** Counts one registration attempt; refuses with TOO_MANY_REQUESTS over the limit. */
  beginRegistration(ip: string): Promise<void>;
  /** Counts one reset request against the address and the email (whether or not it exists). */
  beginPasswordReset(ip: string, email: string): Promise<void>;
  /** Counts one confirmation mail for the account; refuses over the limit. */
  beginConfirmationMail(userId: number): Promise<void>;
  /** Counts one picture upload by the user; refuses with TOO_MANY_REQUESTS over the limit. */
  beginUpload(userId: number): Promise<void>;
  /** Counts one comment by the user; refuses with TOO_MANY_REQUESTS over the limit. */
  beginComment(userId: number): Promise<void>;
}

const TEN_MINUTES = 10 * 60;
const FIFTEEN_MINUTES = 15 * 60;
const ONE_HOUR = 60 * 60;

function createLimiter(
  store: RateLimitStore,
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const options = { keyPrefix, points, duration };
  switch (store.kind) {
    case "memory":
      return new RateLimiterMemory(options);
    case "redis":
      return new RateLimiterRedis({
        ...options,
        storeClient: store.client,
        useRedisPackage: false,
        // While Redis is unreachable, count in this process instead of failing every login
        // with a 500: the limits hold per process until Redis is back.
        insuranceLimiter: new RateLimiterMemory(options),
      });
    case "postgres":
      return postgresLimiter(store.pool as Parameters<typeof postgresLimiter>[0], options);
  }
}

/** Resolves when the store can count (Postgres: once its table exists). */
function storeReady(store: RateLimitStore): () => Promise<void> {
  if (store.kind !== "postgres") return async () => {};
  return rateLimitTable(store.pool as Parameters<typeof rateLimitTable>[0]);
}

/** Consumes a point; a rejection carrying RateLimiterRes means "over the limit". */
async function consume(limiter: RateLimiterAbstract | null, key: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
    throw rejection;
  }
}

export function createRateLimits(
  settings: RateLimitSettings,
  store: RateLimitStore = { kind: "memory" },
): RateLimits {
  const loginByIp = createLimiter(store, "login_ip", settings.loginPerIp, FIFTEEN_MINUTES);
  const loginByAccount = createLimiter(
    store,
    "login_account",
    settings.loginPerAccount,
    FIFTEEN_MINUTES,
  );
  const registerByIp = createLimiter(store, "register_ip", settings.registerPerIp, ONE_HOUR);
  const resetByIp = createLimiter(store, "reset_ip", settings.resetPerIp ?? 10, ONE_HOUR);
  const resetByEmail = createLimiter(store, "reset_email", settings.resetPerEmail ?? 3, ONE_HOUR);
  const mailByUser = createLimiter(store, "mail_user", settings.mailPerUser ?? 5, ONE_HOUR);
  const uploadByUser = createLimiter(store, "upload_user", settings.uploadPerUser ?? 0, ONE_HOUR);
  const commentByUser = createLimiter(
    store,
    "comment_user",
    settings.commentPerUser ?? 0,
    TEN_MINUTES,
  );
  const accountKey = (login: string) => login.trim().toLowerCase();
  const ready = storeReady(store);

  return {
    async beginLogin(ip, login) {
      // Reserving before the password check is what makes parallel attempts (a batch, many
      // sockets) unable to slip past the limit.
      await ready();
      await consume(loginByIp, ip);
      try {
        await consume(loginByAccount, accountKey(login));
      } catch (error) {
        await loginByIp?.reward(ip, 1);
        throw error;
      }
    },
    async loginSucceeded(ip, login) {
      await ready();
      await Promise.all([loginByIp?.reward(ip, 1), loginByAccount?.reward(accountKey(login), 1)]);
    },
    async beginRegistration(ip) {
      await ready();
      await consume(registerByIp, ip);
    },
    async beginPasswordReset(ip, email) {
      await ready();
      await consume(resetByIp, ip);
      await consume(resetByEmail, accountKey(email));
    },
    async beginConfirmationMail(userId) {
      await ready();
      await consume(mailByUser, String(userId));
    },
    async beginUpload(userId) {
      await ready();
      await consume(uploadByUser, String(userId));
    },
    async beginComment(userId) {
      await ready();
      await consume(commentByUser, String(userId));
    },
  };
}

/** No limits at all: for tests and tools that call the router directly. */
export const unlimited: RateLimits = {
  beginLogin: async () => {},
  loginSucceeded: async () => {},
  beginRegistration: async () => {},
  beginPasswordReset: async () => {},
  beginConfirmationMail: async () => {},
  beginUpload: async () => {},
  beginComment: async () => {},
};
