// Inputs of comment.*: the body rule, a post's pages of comments, and each procedure's input.
// zod alone (the SPA imports it).
import { z } from "zod";
import { idSchema, pageShape } from "../shared/field-schemas.js";

export const commentBodySchema = z
  .string({ error: "Comment is required" })
  .trim()
  .min(1, { error: "Comment is required" })
  .max(5_000, { error: "Comment must be at most 5,000 characters" });

/** Comments come 1–100 a page, 50 unless asked (API.md's `limit`). */
export const COMMENT_PAGE_SIZE = 50;

export const commentListInput = z.strictObject({
  postId: idSchema,
  ...pageShape,
  limit: z
    .int({ error: "Limit must be a whole number" })
    .min(1, { error: "Limit must be at least 1" })
    .max(100, { error: "Limit must be at most 100" })
    .default(COMMENT_PAGE_SIZE),
});

export const commentCreateInput = z.strictObject({
  postId: idSchema,
  /** Null or left out: a comment on the post; else the top-level comment it answers. */
  parentId: idSchema.nullish(),
  body: commentBodySchema,
});

export const commentUpdateInput = z.strictObject({ id: idSchema, body: commentBodySchema });

export const commentDeleteInput = z.strictObject({ id: idSchema });
