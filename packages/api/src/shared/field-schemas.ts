// The field rules of API.md that several capabilities share (ids, names, addresses, passwords,
// pages). zod alone: the SPA imports these through `@folio/api/schemas`.
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

export const pageShape = {
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

export const atLeastOne =
  (...fields: string[]) =>
  (value: Record<string, unknown>) =>
    fields.some((field) => value[field] !== undefined);
