// Profile picture queries: the bytes in `pictures`, the URL users see in `users.image_url`,
// always changed together in one transaction so a URL never points at bytes that are gone.
import type { Kysely } from "kysely";
import type { Database, UserRow } from "./schema.js";

export interface NewPicture {
  /** Random and unguessable; a new one on every upload. */
  id: string;
  /** The URL users see, derived from `id` by the caller. */
  url: string;
  bytes: Uint8Array;
}

/**
 * Makes `picture` the user's one picture: the old bytes are replaced (deleted) and
 * `users.image_url` points at the new ones. Undefined when the user is gone.
 */
export function replaceUserPicture(
  db: Kysely<Database>,
  userId: number,
  picture: NewPicture,
): Promise<UserRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable("users")
      .set({ image_url: picture.url })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirst();
    if (!user) return undefined;
    // An upsert on the unique user_id: two uploads racing for one user end with one row.
    await trx
      .insertInto("pictures")
      .values({
        id: picture.id,
        user_id: userId,
        bytes: picture.bytes,
        created_at: new Date().toISOString(),
      })
      .onConflict((conflict) =>
        conflict.column("user_id").doUpdateSet((eb) => ({
          id: eb.ref("excluded.id"),
          bytes: eb.ref("excluded.bytes"),
          created_at: eb.ref("excluded.created_at"),
        })),
      )
      .execute();
    return user;
  });
}

/** Deletes the user's picture (if any) and clears `users.image_url`; undefined if no such user. */
export function removeUserPicture(
  db: Kysely<Database>,
  userId: number,
): Promise<UserRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable("users")
      .set({ image_url: null })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirst();
    await trx.deleteFrom("pictures").where("user_id", "=", userId).execute();
    return user;
  });
}

/** The stored bytes of a picture by id, or undefined once it was replaced, removed or its user deleted. */
export async function findPictureBytes(
  db: Kysely<Database>,
  id: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("pictures")
    .select("bytes")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.bytes;
}
