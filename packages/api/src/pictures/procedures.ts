// The logic of `user.setPicture` and `user.removePicture`; routers/user.ts only wires them.
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { assertSelf } from "../policy/ownership.js";
import { fieldError } from "../shared/errors.js";
import { type PrivateUser, toPrivateUser } from "../shared/shapes.js";
import { readPictureForm } from "./form.js";
import { PictureRejected } from "./image-pipeline.js";
import { savePicture } from "./save-picture.js";
import { databasePictureStore, type PictureStore } from "./store.js";

type UserContext = Context & { user: { id: number } };

const userGone = () => new TRPCError({ code: "NOT_FOUND", message: "User not found." });

export function pictureStoreOf(ctx: Context): PictureStore {
  return ctx.pictures ?? databasePictureStore(ctx.db);
}

/**
 * Validates the form, checks the owner, counts the upload, makes the picture and stores it.
 * Every refusal comes before the store is touched, so the current picture stays.
 */
export async function setPicture(ctx: UserContext, form: FormData): Promise<PrivateUser> {
  const { id, image } = readPictureForm(form);
  await assertSelf(ctx, id, ctx.user.id);
  // Counted before decoding: decoding is the expensive part the limit protects.
  await ctx.limits.beginUpload(ctx.user.id);
  const bytes = new Uint8Array(await image.arrayBuffer());
  const user = await savePicture(pictureStoreOf(ctx), ctx.user.id, bytes).catch(
    (error: unknown) => {
      if (error instanceof PictureRejected) throw fieldError("BAD_REQUEST", "image", error.message);
      throw error;
    },
  );
  if (!user) throw userGone();
  return toPrivateUser(user);
}

export async function removePicture(ctx: UserContext, input: { id: number }): Promise<PrivateUser> {
  await assertSelf(ctx, input.id, ctx.user.id);
  const user = await pictureStoreOf(ctx).remove(ctx.user.id);
  if (!user) throw userGone();
  return toPrivateUser(user);
}
