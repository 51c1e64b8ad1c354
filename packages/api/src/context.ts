// Request context. `createContextInner` is what tests call; `createContext` adapts an HTTP request.
import type { Database } from "@folio/db";
import type { Kysely } from "kysely";
import { readBearerToken } from "./auth/bearer.js";
import type { AuthSettings } from "./auth/tokens.js";
import type { MailDeps } from "./mail/account-mail.js";
import type { PictureStore } from "./pictures/store.js";
import { normalizeUserAgent } from "./sessions/user-agent.js";
import type { RateLimits } from "./shared/rate-limits.js";

/** What the API needs from its host: built once at start and shared by every request. */
export interface AppDeps {
  db: Kysely<Database>;
  auth: AuthSettings;
  limits: RateLimits;
  /** The mail queue, the origin of links, token lifetimes. */
  mail: MailDeps;
  /** Where picture bytes live; the database (`db`) when not given. */
  pictures?: PictureStore;
}

export interface Context extends AppDeps {
  /** Read only by protectedProcedure: public procedures ignore the header entirely. */
  bearerToken: string | null;
  /** The client address rate limits count against. */
  clientIp: string;
  /** The User-Agent header, truncated: the device a session started here is shown as. */
  userAgent: string | null;
}

export interface InnerContextOptions extends AppDeps {
  bearerToken?: string | null;
  clientIp?: string;
  userAgent?: string | null;
}

export function createContextInner(options: InnerContextOptions): Context {
  return {
    db: options.db,
    auth: options.auth,
    limits: options.limits,
    mail: options.mail,
    ...(options.pictures ? { pictures: options.pictures } : {}),
    bearerToken: options.bearerToken ?? null,
    clientIp: options.clientIp ?? "local",
    userAgent: options.userAgent ?? null,
  };
}

/** The part of an HTTP request the context reads (Fastify's and node's requests both fit). */
export interface RequestLike {
  headers: {
    authorization?: string | string[] | undefined;
    "user-agent"?: string | string[] | undefined;
  };
  /** The client address as the host decided it (proxy headers only when trusted). */
  ip?: string;
  socket?: { remoteAddress?: string | undefined };
}

/** Builds the per-request context factory an HTTP adapter calls. */
export function createContext(deps: AppDeps) {
  return ({ req }: { req: RequestLike }): Context =>
    createContextInner({
      ...deps,
      bearerToken: readBearerToken(req.headers.authorization),
      clientIp: req.ip ?? req.socket?.remoteAddress ?? "unknown",
      userAgent: normalizeUserAgent(req.headers["user-agent"]),
    });
}
