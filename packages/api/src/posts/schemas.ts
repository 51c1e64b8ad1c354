// Inputs of post.*: the title and content rules, pages, and each procedure's input. zod alone (the SPA imports it).
import { z } from "zod";
import { atLeastOne, idSchema, pageShape } from "../shared/field-schemas.js";

export const titleSchema = z
  .string({ error: "Title is required" })
  .trim()
  .min(1, { error: "Title is required" })
  .max(100, { error: "Title must be at most 100 characters" });

export const contentSchema = z
  .string({ error: "Content is required" })
  .trim()
  .min(1, { error: "Content is required" })
  .max(20_000, { error: "Content must be at most 20,000 characters" });

export const postListInput = z.strictObject(pageShape).optional();

export const postByUserInput = z.strictObject({ userId: idSchema, ...pageShape });

export const postByIdInput = z.strictObject({ id: idSchema });

/** The four states of API.md. */
export const POST_STATUSES = ["draft", "pending", "scheduled", "published"] as const;

export const postStatusSchema = z.enum(POST_STATUSES, {
  error: "Status must be draft, pending, scheduled or published",
});

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * When a scheduled post goes live: ISO-8601 with a zone, in the future, at most a year ahead.
 * Checked when the input is read; the post goes live by itself when the time comes.
 */
export const publishAtSchema = z
  .string({ error: "Publish time must be a date and time" })
  .max(40, { error: "Publish time must be a date and time with a zone" })
  .pipe(
    z.iso.datetime({
      offset: true,
      error: "Publish time must be a date and time with a zone (Z or ±hh:mm)",
    }),
  )
  .refine((value) => Date.parse(value) > Date.now(), {
    error: "Publish time must be in the future",
  })
  .refine((value) => Date.parse(value) <= Date.now() + YEAR_MS, {
    error: "Publish time must be at most a year ahead",
  })
  .transform((value) => new Date(value).toISOString());

export const postCreateInput = z
  .strictObject({
    title: titleSchema,
    content: contentSchema,
    status: z
      .enum(["draft", "pending", "published"], {
        error: "Status must be draft, pending or published",
      })
      .default("published"),
    publishAt: publishAtSchema.optional(),
  })
  .refine((value) => value.publishAt === undefined || value.status === "published", {
    error: "A publish time goes only with status published",
    path: ["publishAt"],
  });

export const postUpdateInput = z
  .strictObject({ id: idSchema, title: titleSchema.optional(), content: contentSchema.optional() })
  .refine(atLeastOne("title", "content"), { error: "Change at least one of title or content" });

export const postDeleteInput = z.strictObject({ id: idSchema });

export const postPreviewInput = z.strictObject({ id: idSchema });

export const postMineInput = z
  .strictObject({ status: postStatusSchema.optional(), ...pageShape })
  .optional();

export const postReviewInput = z.strictObject(pageShape).optional();

export const postPublishInput = z.strictObject({
  id: idSchema,
  publishAt: publishAtSchema.optional(),
});

export const postUnpublishInput = z.strictObject({ id: idSchema });

export const postSubmitInput = z.strictObject({ id: idSchema });
