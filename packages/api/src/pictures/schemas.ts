// Inputs of the picture procedures (API.md "Pictures"). zod alone (the SPA imports it).
import { z } from "zod";
import { idSchema } from "../shared/field-schemas.js";

/** The largest picture file accepted: 5 MiB (the request body may be up to 6 MiB). */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** A form field holding the caller's user id, as text (multipart fields are strings). */
export const formIdSchema = z
  .string({ error: "Must be a whole number" })
  .regex(/^[0-9]{1,15}$/, { error: "Must be a whole number" })
  .transform(Number)
  .pipe(idSchema);

/** The picture file: type is decided later from its bytes, never from its name or type. */
export const pictureFileSchema = z
  .custom<File>((value) => typeof File !== "undefined" && value instanceof File, {
    error: "Choose an image file",
  })
  .refine((file) => file.size > 0, { error: "The file is empty" })
  .refine((file) => file.size <= MAX_PICTURE_BYTES, {
    error: "The picture must be at most 5 MiB",
  });

/** The fields of `user.setPicture`'s multipart form, once read from the FormData. */
export const setPictureFields = z.strictObject({ id: formIdSchema, image: pictureFileSchema });

export const removePictureInput = z.strictObject({ id: idSchema });
