// Where picture bytes live. The database by default: every server process reaches it, with no
// shared disk. An object store would implement the same three operations (ADR 013).
import {
  type Database,
  findPictureBytes,
  removeUserPicture,
  replaceUserPicture,
  type UserRow,
} from "@folio/db";
import type { Kysely } from "kysely";
import { pictureUrl } from "./picture-url.js";

export interface PictureStore {
  /** Makes these bytes the user's picture under `id`; the old bytes are gone afterwards. */
  replace(userId: number, id: string, bytes: Uint8Array): Promise<UserRow | undefined>;
  /** Deletes the user's picture, if any; the user row with `image_url` null. */
  remove(userId: number): Promise<UserRow | undefined>;
  /** The bytes of a current picture, or undefined (replaced, removed, user deleted, unknown). */
  read(id: string): Promise<Uint8Array | undefined>;
}

export function databasePictureStore(db: Kysely<Database>): PictureStore {
  return {
    replace: (userId, id, bytes) =>
      replaceUserPicture(db, userId, { id, url: pictureUrl(id), bytes }),
    remove: (userId) => removeUserPicture(db, userId),
    read: (id) => findPictureBytes(db, id),
  };
}
