// Input of post.search: the words to look for (API.md "Search") and a page. zod alone (the SPA
// imports it); what the words mean is query-language.ts's business.
import { z } from "zod";
import { pageShape } from "../shared/field-schemas.js";

export const searchQuerySchema = z
  .string({ error: "Type something to search for" })
  .trim()
  .min(1, { error: "Type something to search for" })
  .max(200, { error: "A search must be at most 200 characters" });

export const postSearchInput = z.strictObject({ q: searchQuerySchema, ...pageShape });
