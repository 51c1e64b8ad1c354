// The rules an admin action on another account obeys (API.md "Roles"): the account exists,
// it is not the caller's own, and it is not the owner's. Each refusal changes nothing.
import { findUserById, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";

type AdminAction = "setRole" | "suspend" | "unsuspend" | "deleteUser";

const NOT_ON_SELF: Record<AdminAction, string> = {
  setRole: "You can't change your own role.",
  suspend: "You can't suspend your own account.",
  unsuspend: "You can't unsuspend your own account.",
  deleteUser: "Delete your own account from the account page.",
};

const NOT_ON_OWNER: Record<AdminAction, string> = {
  setRole: "The owner's role changes only by a transfer of ownership.",
  suspend: "The owner can't be suspended.",
  unsuspend: "The owner can't be suspended.",
  deleteUser: "The owner's account can't be deleted: ownership must be transferred first.",
};

export const userNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "User not found." });

/** The account `action` may act on, or NOT_FOUND / FORBIDDEN. */
export async function loadAdminTarget(
  db: Parameters<typeof findUserById>[0],
  caller: UserRow,
  userId: number,
  action: AdminAction,
): Promise<UserRow> {
  const target = await findUserById(db, userId);
  if (!target) throw userNotFound();
  if (target.id === caller.id)
    throw new TRPCError({ code: "FORBIDDEN", message: NOT_ON_SELF[action] });
  if (target.role === "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: NOT_ON_OWNER[action] });
  }
  return target;
}
