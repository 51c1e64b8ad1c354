// Upload bytes → the stored picture: the pipeline, a fresh random id, the store. Used by
// user.setPicture and by the demo seed, so seeded pictures are made exactly like uploads.
import type { UserRow } from "@folio/db";
import { makeProfilePicture } from "./image-pipeline.js";
import { newPictureId } from "./picture-url.js";
import type { PictureStore } from "./store.js";

/** Throws PictureRejected when the bytes are no acceptable picture; undefined if no such user. */
export async function savePicture(
  store: PictureStore,
  userId: number,
  uploaded: Uint8Array,
): Promise<UserRow | undefined> {
  const picture = await makeProfilePicture(uploaded);
  return store.replace(userId, newPictureId(), picture);
}
