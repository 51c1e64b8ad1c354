// Picture ids and the same-origin URLs built from them: `/pictures/<id>.webp`. The id is random
// (128 bits) and new on every upload, so a URL names one upload forever and can be cached
// as immutable; replacing the picture changes the URL.
import { randomBytes } from "node:crypto";

export const PICTURES_PATH = "/pictures/";
const FILE_PATTERN = /^([A-Za-z0-9_-]{22})\.webp$/;

export function newPictureId(): string {
  return randomBytes(16).toString("base64url");
}

export function pictureUrl(id: string): string {
  return `${PICTURES_PATH}${id}.webp`;
}

/** The id in a file name like `<id>.webp`, or null for anything that cannot be a picture. */
export function pictureIdFromFileName(fileName: string): string | null {
  return FILE_PATTERN.exec(fileName)?.[1] ?? null;
}
