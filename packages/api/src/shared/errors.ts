// Errors Folio raises on purpose, and how they are shaped for clients.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/** A refusal that names the input fields at fault (a wrong current password, a taken username). */
export class FieldError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join("; "));
    this.name = "FieldError";
  }
}

/** The cause of every TOO_MANY_REQUESTS; the server turns it into a `Retry-After` header. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
    this.name = "RateLimitedError";
  }
}

export const UNAUTHENTICATED_MESSAGE = "You need to log in to do that.";
export const BAD_CREDENTIALS_MESSAGE = "Wrong username/email or password.";

export const SUSPENDED_MESSAGE =
  "This account is suspended. Contact the site's administrators if you think this is a mistake.";

/** Told only to whoever proved they hold the account (the right password, a mailed link). */
export const accountSuspended = () =>
  new TRPCError({ code: "FORBIDDEN", message: SUSPENDED_MESSAGE });

export const unauthenticated = () =>
  new TRPCError({ code: "UNAUTHORIZED", message: UNAUTHENTICATED_MESSAGE });

export function fieldError(
  code: "BAD_REQUEST" | "CONFLICT",
  field: string,
  message: string,
): TRPCError {
  return new TRPCError({ code, message, cause: new FieldError({ [field]: message }) });
}

export function rateLimited(msBeforeNext: number): TRPCError {
  const cause = new RateLimitedError(Math.max(1, Math.ceil(msBeforeNext / 1000)));
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
}

/** The `{ formErrors, fieldErrors }` view of a validation or field error, or null. */
export function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof FieldError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, message] of Object.entries(cause.fields)) fieldErrors[field] = [message];
    return { formErrors: [], fieldErrors };
  }
  if (!(cause instanceof ZodError)) return null;
  // Field names come from the client (unknown keys): a null-prototype record keeps "__proto__"
  // and "constructor" plain keys instead of Object.prototype members (which crashed with a 500).
  const result: FieldErrors = { formErrors: [], fieldErrors: Object.create(null) };
  const add = (field: string, message: string) => {
    const list = result.fieldErrors[field] ?? [];
    list.push(message);
    result.fieldErrors[field] = list;
  };
  for (const issue of cause.issues) {
    if (issue.code === "unrecognized_keys") {
      // Name each unknown key as a field, so "authorId" is refused by name.
      for (const key of issue.keys) add(key, `Unknown field "${key}"`);
    } else if (issue.path.length > 0) {
      add(String(issue.path[0]), issue.message);
    } else {
      result.formErrors.push(issue.message);
    }
  }
  return result;
}

/** One line naming the first field at fault, for clients that show only `message`. */
export function summarize(errors: FieldErrors): string {
  const [field, messages] = Object.entries(errors.fieldErrors)[0] ?? [];
  if (field && messages?.[0]) return `${field}: ${messages[0]}`;
  return errors.formErrors[0] ?? "Invalid input";
}
