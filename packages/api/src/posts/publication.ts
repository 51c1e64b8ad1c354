// The moves between a post's states (API.md "Posts: drafts, review, scheduling"); the policy
// was checked by the caller. Each move is one conditional write inside the caller's
// transaction: a post that changed state in between is not moved from a state it is no longer
// in. Each returns what it did (null when nothing changed), for the security event.
import { type Database, type PostWithAuthorRow, postStateOf, setPostStatus } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { fieldError } from "../shared/errors.js";
import { postNotFound } from "./load-post.js";

/**
 * Publishes now, or schedules for `publishAt`. A scheduled post moves to the new time (or goes
 * live now without one); a published post stays as it is, and a time for it is refused.
 */
export async function publishPost(
  db: Kysely<Database>,
  post: PostWithAuthorRow,
  publishAt: string | undefined,
): Promise<"published" | "scheduled" | null> {
  const state = postStateOf(post);
  if (state === "published") {
    if (publishAt !== undefined) {
      throw fieldError("BAD_REQUEST", "publishAt", "This post is already published.");
    }
    return null;
  }
  const at = publishAt ?? new Date().toISOString();
  if (!(await setPostStatus(db, post.id, "published", at))) throw postNotFound();
  return publishAt === undefined ? "published" : "scheduled";
}

/** Back to draft from published, scheduled or pending; a draft stays as it is. */
export async function unpublishPost(
  db: Kysely<Database>,
  post: PostWithAuthorRow,
): Promise<"unpublished" | null> {
  if (post.status === "draft") return null;
  if (!(await setPostStatus(db, post.id, "draft", null))) throw postNotFound();
  return "unpublished";
}

/** A draft goes to review; from any other state → BAD_REQUEST. */
export async function submitPost(db: Kysely<Database>, post: PostWithAuthorRow): Promise<void> {
  if (post.status !== "draft") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Only a draft can be submitted for review.",
    });
  }
  if (!(await setPostStatus(db, post.id, "pending", null))) throw postNotFound();
}
