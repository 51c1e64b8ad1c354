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

export const postCreateInput = z.strictObject({ title: titleSchema, content: contentSchema });

export const postUpdateInput = z
  .strictObject({ id: idSchema, title: titleSchema.optional(), content: contentSchema.optional() })
  .refine(atLeastOne("title", "content"), { error: "Change at least one of title or content" });

export const postDeleteInput = z.strictObject({ id: idSchema });
