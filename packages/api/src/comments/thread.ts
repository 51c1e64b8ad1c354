// Where a new comment may go (API.md "Comments"): on a published post the caller can see, and
// either on the post itself or answering a top-level comment of that post that is not deleted.
// Two levels: a reply is never answered.
import {
  type Database,
  findCommentForReply,
  findVisiblePost,
  insertComment,
  isForeignKeyViolation,
  postStateOf,
  type UserRow,
} from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { audienceOf } from "../policy/visibility.js";
import { fieldError, unauthenticated } from "../shared/errors.js";

export interface NewCommentInput {
  postId: number;
  parentId?: number | null | undefined;
  body: string;
}

export interface Placement {
  postId: number;
  parentId: number | null;
  /** When the comment is written: never before the comment it answers. */
  createdAt: string;
}

const CANNOT_ANSWER = "That comment can't be answered: it was deleted or is on another post.";
const REPLY_TO_REPLY = "A reply can't be answered: answer the comment it replies to.";

/**
 * Checks where a comment goes, or refuses: NOT_FOUND for a post the caller may not see,
 * BAD_REQUEST naming `postId` for one they see that is not published, and naming `parentId`
 * for a parent that is missing, deleted, on another post, or itself a reply.
 */
export async function placeComment(
  db: Kysely<Database>,
  user: UserRow,
  input: NewCommentInput,
): Promise<Placement> {
  const now = Date.now();
  const post = await findVisiblePost(
    db,
    input.postId,
    audienceOf(user),
    new Date(now).toISOString(),
  );
  if (!post) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
  if (postStateOf(post, now) !== "published") {
    throw fieldError("BAD_REQUEST", "postId", "Only published posts take comments.");
  }
  const createdAt = new Date(now).toISOString();
  const parentId = input.parentId ?? null;
  if (parentId === null) return { postId: post.id, parentId, createdAt };

  const parent = await findCommentForReply(db, parentId);
  // Missing, deleted and another post's are one answer: a comment id tells nothing more.
  if (!parent || parent.post_id !== post.id || parent.deleted_at !== null) {
    throw fieldError("BAD_REQUEST", "parentId", CANNOT_ANSWER);
  }
  if (parent.parent_id !== null) throw fieldError("BAD_REQUEST", "parentId", REPLY_TO_REPLY);
  // Oldest first puts a reply after what it answers, even if this clock is behind another's.
  const answeredAt = new Date(parent.created_at).getTime();
  return {
    postId: post.id,
    parentId,
    createdAt: new Date(Math.max(now, answeredAt)).toISOString(),
  };
}

/**
 * Writes the comment where placeComment put it, by `user` (never anyone named in input). The
 * placement is checked again inside the write's transaction, so a post unpublished or a parent
 * deleted since the first check refuses it and nothing is written; a row gone meanwhile (a
 * foreign key) is that same refusal, or, when post and parent still stand, the account is gone.
 */
export async function writeComment(
  db: Kysely<Database>,
  user: UserRow,
  input: NewCommentInput,
  place: Placement,
): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await insertComment(trx, { ...place, authorId: user.id, body: input.body });
      await placeComment(trx, user, input);
      return id;
    });
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    await placeComment(db, user, input);
    throw unauthenticated();
  }
}
