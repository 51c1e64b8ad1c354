// The one place that calls initTRPC. It imports no router, so routers can import it freely.
import { initTRPC, TRPCError } from "@trpc/server";
import { authenticate } from "./auth/authenticate.js";
import type { Context } from "./context.js";
import { hasPermission, PERMISSIONS, type Permission } from "./policy/roles.js";
import { fieldErrorsOf, RateLimitedError, summarize } from "./shared/errors.js";

// API.md: NODE_ENV defaults to development; anywhere else error details stay on the server.
const isDev = (process.env.NODE_ENV ?? "development") === "development";
const GENERIC_INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

const t = initTRPC.context<Context>().create({
  isDev,
  errorFormatter({ shape, error }) {
    const zodError = fieldErrorsOf(error.cause);
    const retryAfterSeconds =
      error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : undefined;
    let message = shape.message;
    if (error.code === "INTERNAL_SERVER_ERROR" && !isDev) message = GENERIC_INTERNAL_MESSAGE;
    else if (zodError && error.code === "BAD_REQUEST") message = summarize(zodError);
    // A stack trace helps only with a bug, and only a developer: refusals never carry one.
    const { stack, ...data } = shape.data;
    const keepStack = isDev && error.code === "INTERNAL_SERVER_ERROR" && stack !== undefined;
    return {
      ...shape,
      message,
      data: {
        ...data,
        ...(keepStack ? { stack } : {}),
        zodError,
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;

/**
 * Verifies the Bearer token and loads its live session and user: `ctx.user` and
 * `ctx.sessionId` are set in every protected resolver.
 */
const requireUser = t.middleware(async ({ ctx, next }) => {
  const { user, sessionId } = await authenticate(ctx);
  return next({ ctx: { user, sessionId } });
});

export const protectedProcedure = t.procedure.use(requireUser);

/**
 * A protected procedure for accounts whose role has `permission` (API.md "Roles"). The role is
 * the one just loaded from the database with the session, never a claim of the token, so a
 * promotion or demotion applies on the very next request on every process.
 */
export function permittedProcedure(permission: Permission) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!hasPermission(ctx.user.role, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${PERMISSIONS[permission]} role or above.`,
      });
    }
    return next();
  });
}
