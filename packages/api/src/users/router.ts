import { findUserById, setPasswordHash, updateUserProfile } from "@folio/db";
import { TRPCError } from "@trpc/server";
import {
  type AuditEvent,
  listOwnActivity,
  named,
  originOf,
  recordEvent,
} from "../activity/index.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { rethrowConflict } from "../auth/sign-in.js";
import {
  queueEmailChangedNotice,
  queueEmailConfirmation,
  queuePasswordChangedNotice,
  resendVerification,
} from "../mail/index.js";
import { pictureFormInput, removePicture, setPicture } from "../pictures/index.js";
import { assertSelf } from "../policy/ownership.js";
import {
  changePasswordInput,
  removePictureInput,
  userActivityInput,
  userByIdInput,
  userDeleteInput,
  userUpdateInput,
} from "../schemas.js";
import { type DeviceSession, listDeviceSessions, replaceAllSessions } from "../sessions/index.js";
import { fieldError } from "../shared/errors.js";
import {
  type Ok,
  type Page,
  type PrivateUser,
  type PublicUser,
  type Session,
  toPrivateUser,
  toPublicUser,
} from "../shared/shapes.js";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";
import { deleteAccount } from "./delete-account.js";

const userGone = () => new TRPCError({ code: "NOT_FOUND", message: "User not found." });

export const userRouter = router({
  me: protectedProcedure.query(({ ctx }): PrivateUser => toPrivateUser(ctx.user)),

  sessions: protectedProcedure.query(
    ({ ctx }): Promise<DeviceSession[]> => listDeviceSessions(ctx.db, ctx.user.id, ctx.sessionId),
  ),

  byId: publicProcedure.input(userByIdInput).query(async ({ ctx, input }): Promise<PublicUser> => {
    const user = await findUserById(ctx.db, input.id);
    if (!user) throw userGone();
    return toPublicUser(user);
  }),

  update: protectedProcedure
    .input(userUpdateInput)
    .mutation(async ({ ctx, input }): Promise<PrivateUser> => {
      await assertSelf(ctx, input.id, ctx.user.id);
      const { username, email } = input;
      const emailChanges = email !== undefined && email !== ctx.user.email;
      // Counted before anything changes: over the limit, the update is refused whole.
      if (emailChanges) await ctx.limits.beginConfirmationMail(ctx.user.id);
      const user = await ctx.db.transaction().execute(async (trx) => {
        const updated = await updateUserProfile(trx, ctx.user.id, { username, email }).catch(
          rethrowConflict,
        );
        if (!updated) throw userGone();
        if (emailChanges) {
          // No address goes into the event: it is kept for a year, the account maybe not.
          await recordEvent(trx, {
            action: "email.changed",
            actor: named(ctx.user),
            subject: updated,
            origin: originOf(ctx),
          });
          await queueEmailChangedNotice(trx, ctx.user.email, updated);
          await queueEmailConfirmation(trx, ctx.mail, updated);
        }
        return updated;
      });
      if (emailChanges) ctx.mail.outbox.wake();
      return toPrivateUser(user);
    }),

  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }): Promise<Session> => {
      // BAD_REQUEST, not UNAUTHORIZED: the caller is still logged in.
      if (!(await verifyPassword(ctx.user.password_hash, input.currentPassword))) {
        throw fieldError("BAD_REQUEST", "currentPassword", "Current password is incorrect.");
      }
      const passwordHash = await hashPassword(input.newPassword);
      // Every session ends, this one included, and this device gets a new one (API.md).
      const session = await replaceAllSessions(ctx, ctx.user.id, async (trx) => {
        const user = await setPasswordHash(trx, ctx.user.id, passwordHash);
        if (!user) return undefined;
        await recordEvent(trx, {
          action: "password.changed",
          actor: named(user),
          subject: user,
          origin: originOf(ctx),
        });
        await queuePasswordChangedNotice(trx, user);
        return user;
      });
      if (!session) throw userGone();
      ctx.mail.outbox.wake();
      return session;
    }),

  resendVerification: protectedProcedure.mutation(
    ({ ctx }): Promise<Ok> => resendVerification(ctx, ctx.user),
  ),
  setPicture: protectedProcedure
    .input(pictureFormInput)
    .mutation(({ ctx, input }): Promise<PrivateUser> => setPicture(ctx, input)),

  removePicture: protectedProcedure
    .input(removePictureInput)
    .mutation(({ ctx, input }): Promise<PrivateUser> => removePicture(ctx, input)),

  delete: protectedProcedure
    .input(userDeleteInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      await assertSelf(ctx, input.id, ctx.user.id);
      await deleteAccount(ctx, ctx.user, ctx.user);
      return { ok: true };
    }),

  activity: protectedProcedure
    .input(userActivityInput)
    .query(({ ctx, input }): Promise<Page<AuditEvent>> => listOwnActivity(ctx, ctx.user.id, input)),
});
