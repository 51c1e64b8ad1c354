// Inputs of admin.*. zod alone (the SPA imports it).
import { z } from "zod";
import { idSchema, pageShape } from "../shared/field-schemas.js";

export const adminUsersInput = z
  .strictObject({
    query: z
      .string({ error: "Search must be text" })
      .trim()
      .max(120, { error: "Search must be at most 120 characters" })
      .optional(),
    ...pageShape,
  })
  .optional();

/** The roles an admin may give; `owner` is reached only by admin.transferOwnership. */
export const assignableRoleSchema = z.enum(["reader", "contributor", "author", "editor", "admin"], {
  error: "Role must be reader, contributor, author, editor or admin",
});

export const setRoleInput = z.strictObject({ userId: idSchema, role: assignableRoleSchema });

export const adminUserInput = z.strictObject({ userId: idSchema });

export const transferOwnershipInput = z.strictObject({
  userId: idSchema,
  currentPassword: z
    .string({ error: "Current password is required" })
    .min(1, { error: "Current password is required" })
    .max(128, { error: "Current password is incorrect" }),
});
