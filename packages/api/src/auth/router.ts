// auth.*: registration, login, the ways to end sessions, and the links sent by mail. Thin:
// each procedure hands off to the flow that does the work and records its event.
import { requestPasswordReset, resetPassword, verifyEmail } from "../mail/index.js";
import {
  endSessionInput,
  loginInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  verifyEmailInput,
} from "../schemas.js";
import type { Ok, Session } from "../shared/shapes.js";
import { middleware, protectedProcedure, publicProcedure, router } from "../trpc.js";
import { login, register } from "./sign-in.js";
import { endSession, endSessions, logout } from "./sign-out.js";

// Runs before input parsing, so even a malformed registration counts against the address.
const countRegistration = middleware(async ({ ctx, next }) => {
  await ctx.limits.beginRegistration(ctx.clientIp);
  return next();
});

export const authRouter = router({
  register: publicProcedure
    .use(countRegistration)
    .input(registerInput)
    .mutation(({ ctx, input }): Promise<Session> => register(ctx, input)),

  login: publicProcedure
    .input(loginInput)
    .mutation(({ ctx, input }): Promise<Session> => login(ctx, input)),

  logout: protectedProcedure.mutation(({ ctx }): Promise<Ok> => logout(ctx)),

  logoutOthers: protectedProcedure.mutation(({ ctx }): Promise<Ok> => endSessions(ctx, "others")),

  logoutAll: protectedProcedure.mutation(({ ctx }): Promise<Ok> => endSessions(ctx, "all")),

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
    .mutation(({ ctx, input }): Promise<Ok> => endSession(ctx, input.id)),
});
