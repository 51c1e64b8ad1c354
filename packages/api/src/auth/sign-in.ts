// Registration and login: each starts a session, and records what happened (account.created,
// login.succeeded; a refused login of a known account as login.failed or login.suspended).
import { findUserByLogin, insertUser, type Role, uniqueViolationField } from "@folio/db";
import { TRPCError } from "@trpc/server";
import { named, originOf, recordEvent, recordRefusal } from "../activity/index.js";
import type { Context } from "../context.js";
import { queueEmailConfirmation } from "../mail/index.js";
import { startSession } from "../sessions/index.js";
import { accountSuspended, BAD_CREDENTIALS_MESSAGE, fieldError } from "../shared/errors.js";
import type { Session } from "../shared/shapes.js";
import { hashPassword, verifyPassword } from "./passwords.js";

/** Throws CONFLICT naming the field when `error` is a unique violation; rethrows otherwise. */
export function rethrowConflict(error: unknown): never {
  const field = uniqueViolationField(error);
  if (field === "username" || field === "email")
    throw fieldError("CONFLICT", field, `That ${field} is already taken.`);
  throw error;
}

interface Registration {
  username: string;
  email: string;
  password: string;
}

/** The account, its event, its confirmation mail and its first session: all or nothing. */
export async function register(ctx: Context, input: Registration): Promise<Session> {
  const passwordHash = await hashPassword(input.password);
  const create = (role?: Role) =>
    ctx.db.transaction().execute(async (trx) => {
      const user = await insertUser(trx, { ...input, passwordHash, ...(role ? { role } : {}) });
      await recordEvent(trx, {
        action: "account.created",
        actor: named(user),
        subject: user,
        origin: originOf(ctx),
      });
      await queueEmailConfirmation(trx, ctx.mail, user);
      return startSession({ ...ctx, db: trx }, user);
    });
  const session = await create()
    .catch((error) =>
      // Two first registrations at once on an empty database: the other became the owner.
      uniqueViolationField(error) === "role" ? create("author") : Promise.reject(error),
    )
    .catch(rethrowConflict);
  ctx.mail.outbox.wake();
  return session;
}

export async function login(ctx: Context, input: { login: string; password: string }) {
  await ctx.limits.beginLogin(ctx.clientIp, input.login);
  const user = await findUserByLogin(ctx.db, input.login);
  // Unknown accounts are verified against a dummy hash: same answer, about the same time.
  if (!(await verifyPassword(user?.password_hash, input.password)) || !user) {
    // A known account learns that someone tried its password (nobody is the actor).
    if (user) {
      await recordRefusal(ctx.db, {
        action: "login.failed",
        actor: null,
        subject: user,
        origin: originOf(ctx),
      });
    }
    throw new TRPCError({ code: "UNAUTHORIZED", message: BAD_CREDENTIALS_MESSAGE });
  }
  await ctx.limits.loginSucceeded(ctx.clientIp, input.login);
  // Only after the right password: nobody else learns that the account is suspended.
  if (user.suspended_at !== null) {
    const event = { action: "login.suspended", actor: named(user), subject: user } as const;
    await recordRefusal(ctx.db, { ...event, origin: originOf(ctx) });
    throw accountSuspended();
  }
  return ctx.db.transaction().execute(async (trx) => {
    const session = await startSession({ ...ctx, db: trx }, user);
    await recordEvent(trx, {
      action: "login.succeeded",
      actor: named(user),
      subject: user,
      origin: originOf(ctx),
    });
    return session;
  });
}
