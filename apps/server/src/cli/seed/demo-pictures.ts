// Pictures for the demo users, drawn here (a coloured square with the initial) and not fetched:
// an SVG rendered by sharp into a PNG, which then goes through the upload pipeline like any
// picture a person would send.
import { databasePictureStore, savePicture } from "@folio/api";
import type { Database } from "@folio/db";
import type { Kysely } from "kysely";
import sharp from "sharp";

const COLOURS = ["#7c3aed", "#0f766e", "#c2410c", "#1d4ed8", "#be123c"];

function initialsSvg(username: string, colour: string): Buffer {
  const initial = (username[0] ?? "?").toUpperCase();
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">` +
      `<rect width="512" height="512" fill="${colour}"/>` +
      `<circle cx="256" cy="256" r="200" fill="#ffffff" fill-opacity="0.15"/>` +
      `<text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, sans-serif"` +
      ` font-size="260" font-weight="bold" fill="#ffffff">${initial}</text></svg>`,
  );
}

/** Renders the demo picture of `username` as a PNG (the "upload"). */
export function demoPicturePng(username: string, index: number): Promise<Buffer> {
  const colour = COLOURS[index % COLOURS.length] ?? "#555555";
  return sharp(initialsSvg(username, colour)).png().toBuffer();
}

/** Gives each user a picture through the same pipeline and store as user.setPicture. */
export async function seedDemoPictures(
  db: Kysely<Database>,
  users: { id: number; username: string }[],
): Promise<void> {
  const store = databasePictureStore(db);
  for (const [index, user] of users.entries()) {
    await savePicture(store, user.id, await demoPicturePng(user.username, index));
  }
}
