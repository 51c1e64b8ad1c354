// admin.*: accounts, roles, suspension, deletion (admins and the owner), and the transfer of
// ownership (the owner alone). Every procedure is gated by role before it reads anything.
import {
  countPostsOf,
  findUserById,
  listUsersForAdmin,
  setUserRole,
  setUserSuspended,
  toIsoString,
  transferOwnership,
  type UserRow,
} from "@folio/db";
import { type AuditEvent, listAuditLog, named, originOf, recordEvent } from "../activity/index.js";
import { adminAuditInput } from "../activity/schemas.js";
import { verifyPassword } from "../auth/passwords.js";
import type { Context } from "../context.js";
import { endAllSessions } from "../sessions/index.js";
import { fieldError } from "../shared/errors.js";
import { keysetPage } from "../shared/keyset-page.js";
import { type AdminUser, type Ok, type Page, toAdminUser } from "../shared/shapes.js";
import { permittedProcedure, router } from "../trpc.js";
import { deleteAccount } from "../users/delete-account.js";
import {
  adminUserInput,
  adminUsersInput,
  setRoleInput,
  transferOwnershipInput,
} from "./schemas.js";
import { loadAdminTarget, userNotFound } from "./targets.js";

const adminProcedure = permittedProcedure("admin.manage");

/** Every post of theirs counts, whatever its status (admins see them all). */
const EVERY_POST = { userId: 0, seesEveryPost: true };

async function asAdminUser(ctx: Context, row: UserRow | undefined): Promise<AdminUser> {
  if (!row) throw userNotFound();
  return toAdminUser(row, await countPostsOf(ctx.db, row.id, EVERY_POST));
}

export const adminRouter = router({
  users: adminProcedure.input(adminUsersInput).query(({ ctx, input }) =>
    keysetPage(
      ctx.auth.secret,
      { limit: input?.limit ?? 10, cursor: input?.cursor },
      (after, limit) => listUsersForAdmin(ctx.db, { query: input?.query, limit, after }),
      (row) => ({ at: toIsoString(row.created_at), id: row.id }),
      ({ post_count, ...row }) => toAdminUser(row, Number(post_count ?? 0)),
    ),
  ),

  setRole: adminProcedure.input(setRoleInput).mutation(async ({ ctx, input }) => {
    const target = await loadAdminTarget(ctx.db, ctx.user, input.userId, "setRole");
    // Takes effect on the target's next request: the role is read on every request.
    const row = await ctx.db.transaction().execute(async (trx) => {
      const changed = await setUserRole(trx, input.userId, input.role);
      if (changed && target.role !== input.role) {
        await recordEvent(trx, {
          action: "role.changed",
          actor: named(ctx.user),
          subject: changed,
          target: { type: "user", id: String(changed.id), label: `${target.role} → ${input.role}` },
          origin: originOf(ctx),
        });
      }
      return changed;
    });
    return asAdminUser(ctx, row);
  }),

  suspend: adminProcedure.input(adminUserInput).mutation(async ({ ctx, input }) => {
    const target = await loadAdminTarget(ctx.db, ctx.user, input.userId, "suspend");
    const row = await ctx.db.transaction().execute(async (trx) => {
      const suspended = await setUserSuspended(trx, input.userId, new Date().toISOString());
      // Every session ends with the suspension, in the same transaction.
      await endAllSessions(trx, input.userId);
      if (suspended && target.suspended_at === null) {
        const event = { action: "account.suspended", actor: named(ctx.user) } as const;
        await recordEvent(trx, { ...event, subject: suspended, origin: originOf(ctx) });
      }
      return suspended;
    });
    return asAdminUser(ctx, row);
  }),

  unsuspend: adminProcedure.input(adminUserInput).mutation(async ({ ctx, input }) => {
    const target = await loadAdminTarget(ctx.db, ctx.user, input.userId, "unsuspend");
    const row = await ctx.db.transaction().execute(async (trx) => {
      const unsuspended = await setUserSuspended(trx, input.userId, null);
      if (unsuspended && target.suspended_at !== null) {
        const event = { action: "account.unsuspended", actor: named(ctx.user) } as const;
        await recordEvent(trx, { ...event, subject: unsuspended, origin: originOf(ctx) });
      }
      return unsuspended;
    });
    return asAdminUser(ctx, row);
  }),

  deleteUser: adminProcedure.input(adminUserInput).mutation(async ({ ctx, input }): Promise<Ok> => {
    const target = await loadAdminTarget(ctx.db, ctx.user, input.userId, "deleteUser");
    if (!(await deleteAccount(ctx, target, ctx.user))) throw userNotFound();
    return { ok: true };
  }),

  audit: adminProcedure
    .input(adminAuditInput)
    .query(({ ctx, input }): Promise<Page<AuditEvent>> => listAuditLog(ctx, input)),

  transferOwnership: permittedProcedure("admin.transferOwnership")
    .input(transferOwnershipInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      // BAD_REQUEST, not UNAUTHORIZED: the caller is still logged in.
      if (!(await verifyPassword(ctx.user.password_hash, input.currentPassword))) {
        throw fieldError("BAD_REQUEST", "currentPassword", "Current password is incorrect.");
      }
      const target = await findUserById(ctx.db, input.userId);
      if (!target) throw userNotFound();
      if (target.role !== "admin" || target.suspended_at !== null) {
        throw fieldError(
          "BAD_REQUEST",
          "userId",
          "Ownership can only go to an admin whose account is not suspended.",
        );
      }
      await ctx.db.transaction().execute(async (trx) => {
        await transferOwnership(trx, target.id);
        await recordEvent(trx, {
          action: "owner.transferred",
          actor: named(ctx.user),
          subject: target,
          target: { type: "user", id: String(ctx.user.id), label: ctx.user.username },
          origin: originOf(ctx),
        });
      });
      return { ok: true };
    }),
});
