// Deleting an account, by its holder (user.delete) or by an admin (admin.deleteUser): the
// same rule and the same effect.
import { deleteUser, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";

/**
 * Deletes the account with everything in it: posts, sessions, picture and pending mail tokens
 * go with it through ON DELETE CASCADE, in the same statement. There is always an owner, so the
 * owner's account is refused (transfer ownership first).
 */
export async function deleteAccount(ctx: Context, account: UserRow): Promise<boolean> {
  if (account.role === "owner") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "The owner's account can't be deleted: transfer ownership to an admin first.",
    });
  }
  return deleteUser(ctx.db, account.id);
}
