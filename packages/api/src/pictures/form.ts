// The multipart form of `user.setPicture`, read into plain fields and checked with zod, so its
// refusals have the same `zodError.fieldErrors` shape as every other procedure's.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { setPictureFields } from "../schemas.js";
import { fieldErrorsOf, summarize } from "../shared/errors.js";

/**
 * The procedure's input: any FormData; its fields are checked by `readPictureForm`.
 * (Annotated, not `z.instanceof(FormData)`: that breaks the declaration build on TS 7.)
 */
export const pictureFormInput: z.ZodType<FormData, FormData> = z.custom<FormData>(
  (value) => value instanceof FormData,
  { error: "Send the picture as a multipart form with the fields id and image" },
);

export interface PictureForm {
  id: number;
  image: File;
}

export function readPictureForm(form: FormData): PictureForm {
  // A repeated field becomes a list, which its schema refuses by name; a null prototype keeps
  // client-chosen names such as "__proto__" plain keys.
  const fields: Record<string, unknown> = Object.create(null);
  for (const [name, value] of form.entries()) {
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else fields[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const result = setPictureFields.safeParse(fields);
  if (!result.success) {
    const errors = fieldErrorsOf(result.error);
    const message = errors ? summarize(errors) : "Invalid input";
    throw new TRPCError({ code: "BAD_REQUEST", message, cause: result.error });
  }
  return result.data;
}
