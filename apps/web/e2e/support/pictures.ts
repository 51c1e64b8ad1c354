// Pictures for browser tests: a small valid PNG (8x8, green), and an upload through the typed
// client (FormData through httpLink, as the SPA sends it).
import type { Session } from "@folio/api";
import { apiClient } from "./api";

export const SMALL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWNQWlWOFTEMLQkAeFlQwYvuevQAAAAASUVORK5CYII=",
  "base64",
);

/** Gives `session`'s user a picture; resolves with its URL. */
export async function uploadPictureFor(baseUrl: string, session: Session): Promise<string> {
  const form = new FormData();
  form.append("id", String(session.user.id));
  form.append("image", new File([new Uint8Array(SMALL_PNG)], "me.png", { type: "image/png" }));
  const user = await apiClient(baseUrl, session.accessToken).user.setPicture.mutate(form);
  if (!user.imageUrl) throw new Error("the upload gave no imageUrl");
  return user.imageUrl;
}
