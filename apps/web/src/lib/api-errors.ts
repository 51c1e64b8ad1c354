// Turns whatever a tRPC call threw into words a person understands.
import type { AppRouter } from "@folio/api";
import { TRPCClientError } from "@trpc/client";

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}

/** Field messages from the server (`zodError.fieldErrors`), e.g. a taken username. */
export function serverFieldErrors(error: unknown): Record<string, string[]> {
  if (!isApiError(error)) return {};
  return error.data?.zodError?.fieldErrors ?? {};
}

export function retryAfterSeconds(error: unknown): number | undefined {
  return isApiError(error) ? error.data?.retryAfterSeconds : undefined;
}

export function describeError(error: unknown): string {
  if (!isApiError(error) || !error.data) {
    // No tRPC answer at all: the request never reached the server or came back garbled.
    return "We couldn't reach the server. Check your connection and try again.";
  }
  switch (error.data.code) {
    case "TOO_MANY_REQUESTS":
      return `Too many attempts, try again in ${retryAfterSeconds(error) ?? 60} seconds.`;
    case "INTERNAL_SERVER_ERROR":
      return "Something went wrong on our side. Please try again in a moment.";
    case "FORBIDDEN":
      // The server says what is not allowed ("This account is suspended…", "You can't publish
      // this post: submit it for review instead."); tRPC's bare default is the code itself.
      return error.message && error.message !== "FORBIDDEN"
        ? error.message
        : "You are not allowed to do that.";
    case "UNAUTHORIZED":
      return error.message || "Please log in again.";
    case "PAYLOAD_TOO_LARGE":
      return "That is too much text to send at once.";
    default:
      return error.message || "Something went wrong. Please try again.";
  }
}

/**
 * Mutation meta for calls whose own UNAUTHORIZED is an expected answer (the login form's
 * wrong password), not a sign that the session ended: the app then does not log out.
 */
export const OWN_AUTH_ERRORS = { ownAuthErrors: true } as const;
