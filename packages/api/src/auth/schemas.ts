// Inputs of auth.*: registration, login, and the links sent by mail. zod alone (the SPA imports it).
import { z } from "zod";
import { emailSchema, passwordSchema, usernameSchema } from "../shared/field-schemas.js";

export const registerInput = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const loginInput = z.strictObject({
  login: z
    .string({ error: "Username or email is required" })
    .trim()
    .min(1, { error: "Username or email is required" })
    .max(120, { error: "Username or email must be at most 120 characters" }),
  password: z
    .string({ error: "Password is required" })
    .min(1, { error: "Password is required" })
    .max(128, { error: "Password must be at most 128 characters" }),
});

// A token from a mail link: 32 random bytes in base64url (43 characters). Anything else
// cannot be one, so it is refused before any lookup.
export const accountTokenSchema = z
  .string({ error: "The link is missing its token" })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "This link is not valid. Ask for a new one." });

export const requestPasswordResetInput = z.strictObject({ email: emailSchema });

export const resetPasswordInput = z.strictObject({
  token: accountTokenSchema,
  newPassword: passwordSchema,
});

export const verifyEmailInput = z.strictObject({ token: accountTokenSchema });
