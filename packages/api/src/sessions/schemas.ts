// Inputs of the device-session procedures. zod alone (the SPA imports it).
import { z } from "zod";

/** A session id as user.sessions lists it; any other string is simply not found. */
export const sessionIdSchema = z
  .string({ error: "Session id is required" })
  .trim()
  .min(1, { error: "Session id is required" })
  .max(64, { error: "Session id must be at most 64 characters" });

export const endSessionInput = z.strictObject({ id: sessionIdSchema });
