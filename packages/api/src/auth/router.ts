import { findUserByLogin, insertUser, uniqueViolationField } from "@folio/db";
import { TRPCError } from "@trpc/server";
import {
  requestPasswordReset,
  resetPassword,
  sendEmailConfirmation,
  verifyEmail,
} from "../mail/index.js";
import { endOwnedSession } from "../policy/ownership.js";
import {
  endSessionInput,
  loginInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  verifyEmailInput,
} from "../schemas.js";
import {
  endAllSessions,
  endCurrentSession,
  endOtherSessions,
  startSession,
} from "../sessions/index.js";
import { accountSuspended, BAD_CREDENTIALS_MESSAGE, fieldError } from "../shared/errors.js";
import type { Ok, Session } from "../shared/shapes.js";
import { middleware, protectedProcedure, publicProcedure, router } from "../trpc.js";
import { hashPassword, verifyPassword } from "./passwords.js";

/** Throws CONFLICT naming the field when `error` is a unique violation; rethrows otherwise. */
export function rethrowConflict(error: unknown): never {
  const field = uniqueViolationField(error);
  if (field === "username" || field === "email")
    throw fieldError("CONFLICT", field, `That ${field} is already taken.`);
  throw error;
}

// Runs before input parsing, so even a malformed registration counts against the address.
const countRegistration = middleware(async ({ ctx, next }) => {
  await ctx.limits.beginRegistration(ctx.clientIp);
  return next();
});

export const authRouter = router({
  register: publicProcedure
    .use(countRegistration)
    .input(registerInput)
    .mutation(async ({ ctx, input }): Promise<Session> => {
      const passwordHash = await hashPassword(input.password);
      const user = await insertUser(ctx.db, { ...input, passwordHash })
        .catch((error) =>
          // Two first registrations at once on an empty database: the other became the owner.
          uniqueViolationField(error) === "role"
            ? insertUser(ctx.db, { ...input, passwordHash, role: "author" })
            : Promise.reject(error),
        )
        .catch(rethrowConflict);
      await sendEmailConfirmation(ctx.db, ctx.mail, user);
      return startSession(ctx, user);
    }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }): Promise<Session> => {
    await ctx.limits.beginLogin(ctx.clientIp, input.login);
    const user = await findUserByLogin(ctx.db, input.login);
    // Unknown accounts are verified against a dummy hash: same answer, about the same time.
    if (!(await verifyPassword(user?.password_hash, input.password)) || !user) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: BAD_CREDENTIALS_MESSAGE });
    }
    await ctx.limits.loginSucceeded(ctx.clientIp, input.login);
    // Only after the right password: nobody else learns that the account is suspended.
    if (user.suspended_at !== null) throw accountSuspended();
    return startSession(ctx, user);
  }),

  logout: protectedProcedure.mutation(async ({ ctx }): Promise<Ok> => {
    await endCurrentSession(ctx.db, ctx.user.id, ctx.sessionId);
    return { ok: true };
  }),

  logoutOthers: protectedProcedure.mutation(async ({ ctx }): Promise<Ok> => {
    await endOtherSessions(ctx.db, ctx.user.id, ctx.sessionId);
    return { ok: true };
  }),

  logoutAll: protectedProcedure.mutation(async ({ ctx }): Promise<Ok> => {
    await endAllSessions(ctx.db, ctx.user.id);
    return { ok: true };
  }),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }): Promise<Ok> => requestPasswordReset(ctx, input.email)),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(
      ({ ctx, input }): Promise<Session> => resetPassword(ctx, input.token, input.newPassword),
    ),

  verifyEmail: publicProcedure
    .input(verifyEmailInput)
    .mutation(({ ctx, input }): Promise<Ok> => verifyEmail(ctx, input.token)),

  endSession: protectedProcedure
    .input(endSessionInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      await endOwnedSession(ctx, input.id, ctx.user.id);
      return { ok: true };
    }),
});
