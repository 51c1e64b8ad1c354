// Comment queries. Every read joins the comment's post through the one visibility scope, for the
// public (API.md: only published posts show comments; the others' comments do not exist).
import type { Kysely } from "kysely";
import { type FeedPosition, keysetSlice } from "./keyset.js";
import { PUBLIC_AUDIENCE, visibleTo } from "./post-visibility.js";
import type { Database } from "./schema.js";

const nowIso = () => new Date().toISOString();

/** Comments whose post the public may read at `now`, with their author (null: a placeholder). */
function selectVisibleComments(db: Kysely<Database>, now: string) {
  return db
    .selectFrom("comments")
    .innerJoin("posts", "posts.id", "comments.post_id")
    .leftJoin("users", "users.id", "comments.author_id")
    .where(visibleTo(PUBLIC_AUDIENCE, now))
    .select([
      "comments.id",
      "comments.post_id",
      "comments.parent_id",
      "comments.author_id",
      "comments.body",
      "comments.created_at",
      "comments.edited_at",
      "comments.deleted_at",
      "posts.author_id as post_author_id",
      // For the security event of a moderated comment (its label names the post).
      "posts.title as post_title",
      "users.username as author_username",
      "users.image_url as author_image_url",
      "users.created_at as author_created_at",
    ]);
}

export type CommentWithAuthorRow = Awaited<
  ReturnType<ReturnType<typeof selectVisibleComments>["executeTakeFirstOrThrow"]>
>;

const OLDEST_FIRST = { time: "comments.created_at", id: "comments.id", direction: "asc" } as const;

/** A keyset position in a post's comments: the last shown comment's time and id. */
export interface CommentPageQuery {
  postId: number;
  limit: number;
  after?: FeedPosition | undefined;
  now?: string | undefined;
}

/** The query behind listComments, unexecuted, so tests can read its plan. */
export function selectCommentPage(db: Kysely<Database>, query: CommentPageQuery) {
  const select = selectVisibleComments(db, query.now ?? nowIso()).where(
    "comments.post_id",
    "=",
    query.postId,
  );
  return keysetSlice(select, OLDEST_FIRST, query.after, query.limit);
}

/** A post's comments, oldest first (placeholders included); up to `limit` rows. */
export function listComments(
  db: Kysely<Database>,
  query: CommentPageQuery,
): Promise<CommentWithAuthorRow[]> {
  return selectCommentPage(db, query).execute();
}

/** A comment that is not deleted, on a post the public may read at `now`; else undefined. */
export function findVisibleComment(
  db: Kysely<Database>,
  id: number,
  now: string = nowIso(),
): Promise<CommentWithAuthorRow | undefined> {
  return selectVisibleComments(db, now)
    .where("comments.id", "=", id)
    .where("comments.deleted_at", "is", null)
    .executeTakeFirst();
}

/** What answering a comment depends on, whatever its post: undefined when there is none. */
export function findCommentForReply(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("comments")
    .select(["id", "post_id", "parent_id", "created_at", "deleted_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export interface NewComment {
  postId: number;
  parentId: number | null;
  authorId: number;
  body: string;
  createdAt: string;
}

export async function insertComment(db: Kysely<Database>, comment: NewComment): Promise<number> {
  const row = await db
    .insertInto("comments")
    .values({
      post_id: comment.postId,
      parent_id: comment.parentId,
      author_id: comment.authorId,
      body: comment.body,
      created_at: comment.createdAt,
      edited_at: null,
      deleted_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes a comment's words, by its author only: the author and "not deleted" are part of the
 * UPDATE's own WHERE clause, so a comment deleted in between is left alone (false).
 */
export async function updateCommentBody(
  db: Kysely<Database>,
  expected: { id: number; authorId: number },
  body: string,
): Promise<boolean> {
  const result = await db
    .updateTable("comments")
    .set({ body, edited_at: nowIso() })
    .where("id", "=", expected.id)
    .where("author_id", "=", expected.authorId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
