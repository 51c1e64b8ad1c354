// Inputs of user.*: profile, password, account deletion. zod alone (the SPA imports it).
import { z } from "zod";
import {
  atLeastOne,
  emailSchema,
  idSchema,
  passwordSchema,
  usernameSchema,
} from "../shared/field-schemas.js";

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
