// The input rules of API.md as zod schemas. Imports zod alone: the SPA validates its forms
// with these very schemas (`@folio/api/schemas`), so browser and server can never disagree.
import { z } from "zod";

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

export const idSchema = z
  .int({ error: "Must be a whole number" })
  .positive({ error: "Must be a positive number" });

export const usernameSchema = z
  .string({ error: "Username is required" })
  .trim()
  .min(3, { error: "Username must be at least 3 characters" })
  .max(50, { error: "Username must be at most 50 characters" })
  .regex(USERNAME_PATTERN, {
    error: "Username may only contain letters, digits, underscores, dots and hyphens",
  });

export const emailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(120, { error: "Email must be at most 120 characters" })
  .pipe(z.email({ error: "Enter a valid email address" }));

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(8, { error: "Password must be at least 8 characters" })
  .max(128, { error: "Password must be at most 128 characters" });

export const titleSchema = z
  .string({ error: "Title is required" })
  .trim()
  .min(1, { error: "Title is required" })
  .max(100, { error: "Title must be at most 100 characters" });

export const contentSchema = z
  .string({ error: "Content is required" })
  .trim()
  .min(1, { error: "Content is required" })
  .max(20_000, { error: "Content must be at most 20,000 characters" });

const pageShape = {
  limit: z
    .int({ error: "Limit must be a whole number" })
    .min(1, { error: "Limit must be at least 1" })
    .max(50, { error: "Limit must be at most 50" })
    .default(10),
  // null means "the first page", as tRPC's infinite queries send it.
  cursor: z
    .string({ error: "Cursor must be a string" })
    .min(1, { error: "Invalid cursor" })
    .max(200, { error: "Invalid cursor" })
    .nullish(),
  // tRPC's useInfiniteQuery adds `direction`; only forward paging exists.
  direction: z.literal("forward", { error: "Only forward paging is supported" }).optional(),
};

const atLeastOne =
  (...fields: string[]) =>
  (value: Record<string, unknown>) =>
    fields.some((field) => value[field] !== undefined);

// ---- auth ----

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

// ---- user ----

export const userByIdInput = z.strictObject({ id: idSchema });

export const userUpdateInput = z
  .strictObject({
    id: idSchema,
    username: usernameSchema.optional(),
    email: emailSchema.optional(),
  })
  .refine(atLeastOne("username", "email"), { error: "Change at least one of username or email" });

export const changePasswordInput = z
  .strictObject({
    currentPassword: z
      .string({ error: "Current password is required" })
      .min(1, { error: "Current password is required" })
      .max(128, { error: "Current password is incorrect" }),
    newPassword: passwordSchema,
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    error: "New password must differ from the current one",
    path: ["newPassword"],
  });

export const userDeleteInput = z.strictObject({ id: idSchema });

/** A session id as user.sessions lists it; any other string is simply not found. */
export const sessionIdSchema = z
  .string({ error: "Session id is required" })
  .trim()
  .min(1, { error: "Session id is required" })
  .max(64, { error: "Session id must be at most 64 characters" });

export const endSessionInput = z.strictObject({ id: sessionIdSchema });
// ---- pictures (API.md "Pictures") ----

/** The largest picture file accepted: 5 MiB (the request body may be up to 6 MiB). */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** A form field holding the caller's user id, as text (multipart fields are strings). */
export const formIdSchema = z
  .string({ error: "Must be a whole number" })
  .regex(/^[0-9]{1,15}$/, { error: "Must be a whole number" })
  .transform(Number)
  .pipe(idSchema);

/** The picture file: type is decided later from its bytes, never from its name or type. */
export const pictureFileSchema = z
  .custom<File>((value) => typeof File !== "undefined" && value instanceof File, {
    error: "Choose an image file",
  })
  .refine((file) => file.size > 0, { error: "The file is empty" })
  .refine((file) => file.size <= MAX_PICTURE_BYTES, {
    error: "The picture must be at most 5 MiB",
  });

/** The fields of `user.setPicture`'s multipart form, once read from the FormData. */
export const setPictureFields = z.strictObject({ id: formIdSchema, image: pictureFileSchema });

export const removePictureInput = z.strictObject({ id: idSchema });

// ---- post ----

export const postListInput = z.strictObject(pageShape).optional();

export const postByUserInput = z.strictObject({ userId: idSchema, ...pageShape });

export const postByIdInput = z.strictObject({ id: idSchema });

export const postCreateInput = z.strictObject({ title: titleSchema, content: contentSchema });

export const postUpdateInput = z
  .strictObject({ id: idSchema, title: titleSchema.optional(), content: contentSchema.optional() })
  .refine(atLeastOne("title", "content"), { error: "Change at least one of title or content" });

export const postDeleteInput = z.strictObject({ id: idSchema });

export type RegisterInput = z.input<typeof registerInput>;
export type LoginInput = z.input<typeof loginInput>;
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInput>;
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
export type VerifyEmailInput = z.input<typeof verifyEmailInput>;
export type UserUpdateInput = z.input<typeof userUpdateInput>;
export type EndSessionInput = z.input<typeof endSessionInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
export type PostCreateInput = z.input<typeof postCreateInput>;
export type PostUpdateInput = z.input<typeof postUpdateInput>;
