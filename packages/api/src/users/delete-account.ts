// Deleting an account, by its holder (user.delete) or by an admin (admin.deleteUser): the
// same rule and the same effect, and an account.deleted event that outlives the account.
import { deleteUser, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import { named, originOf, recordEvent } from "../activity/index.js";
import type { Context } from "../context.js";

/**
 * Deletes the account with everything in it: posts, sessions, picture, pending mail and mail
 * tokens go with it through ON DELETE CASCADE, in the same statement. There is always an owner,
 * so the owner's account is refused (transfer ownership first). `actor` is who asked.
 */
export async function deleteAccount(
  ctx: Context,
  account: UserRow,
  actor: UserRow,
): Promise<boolean> {
  if (account.role === "owner") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "The owner's account can't be deleted: transfer ownership to an admin first.",
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteUser(trx, account.id))) return false;
    await recordEvent(trx, {
      action: "account.deleted",
      actor: named(actor),
      subject: account,
      origin: originOf(ctx),
    });
    return true;
  });
}
