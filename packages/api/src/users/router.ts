import { findUserById, setPasswordHash, updateUserProfile } from "@folio/db";
import { TRPCError } from "@trpc/server";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { rethrowConflict } from "../auth/router.js";
import {
  resendVerification,
  sendEmailChangedNotice,
  sendEmailConfirmation,
  sendPasswordChangedNotice,
} from "../mail/index.js";
import { pictureFormInput, removePicture, setPicture } from "../pictures/index.js";
import { assertSelf } from "../policy/ownership.js";
import {
  changePasswordInput,
  removePictureInput,
  userByIdInput,
  userDeleteInput,
  userUpdateInput,
} from "../schemas.js";
import { type DeviceSession, listDeviceSessions, replaceAllSessions } from "../sessions/index.js";
import { fieldError } from "../shared/errors.js";
import {
  type Ok,
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
      const user = await updateUserProfile(ctx.db, ctx.user.id, { username, email }).catch(
        rethrowConflict,
      );
      if (!user) throw userGone();
      if (emailChanges) {
        sendEmailChangedNotice(ctx.mail, ctx.user.email, user);
        await sendEmailConfirmation(ctx.db, ctx.mail, user);
      }
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
      const session = await replaceAllSessions(ctx, ctx.user.id, (db) =>
        setPasswordHash(db, ctx.user.id, passwordHash),
      );
      if (!session) throw userGone();
      sendPasswordChangedNotice(ctx.mail, ctx.user);
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
      await deleteAccount(ctx, ctx.user);
      return { ok: true };
    }),
});
