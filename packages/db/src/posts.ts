// Post queries. Every read joins the author, so a page costs one indexed query.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A keyset position: the (created_at, id) of the last post already shown. */
export interface FeedPosition {
  createdAt: string;
  id: number;
}

export interface PostPageQuery {
  limit: number;
  after?: FeedPosition | undefined;
  authorId?: number | undefined;
}

function selectPostsWithAuthor(db: Kysely<Database>) {
  return db
    .selectFrom("posts")
    .innerJoin("users", "users.id", "posts.author_id")
    .select([
      "posts.id",
      "posts.title",
      "posts.content",
      "posts.created_at",
      "posts.updated_at",
      "posts.author_id",
      "users.username as author_username",
      "users.image_url as author_image_url",
      "users.created_at as author_created_at",
    ]);
}

export type PostWithAuthorRow = Awaited<
  ReturnType<ReturnType<typeof selectPostsWithAuthor>["executeTakeFirstOrThrow"]>
>;

export function findPostById(
  db: Kysely<Database>,
  id: number,
): Promise<PostWithAuthorRow | undefined> {
  return selectPostsWithAuthor(db).where("posts.id", "=", id).executeTakeFirst();
}

/** The query behind listPosts, unexecuted, so tests can read its plan. */
export function selectPostPage(db: Kysely<Database>, query: PostPageQuery) {
  let select = selectPostsWithAuthor(db);
  if (query.authorId !== undefined) select = select.where("posts.author_id", "=", query.authorId);
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb(eb.refTuple("posts.created_at", "posts.id"), "<", eb.tuple(after.createdAt, after.id)),
    );
  }
  return select.orderBy("posts.created_at", "desc").orderBy("posts.id", "desc").limit(query.limit);
}

/** Newest first. Returns up to `limit` rows; callers ask for one extra to know if more exist. */
export function listPosts(
  db: Kysely<Database>,
  query: PostPageQuery,
): Promise<PostWithAuthorRow[]> {
  return selectPostPage(db, query).execute();
}

/** The owner check reads only this: who wrote the post, if it exists. */
export async function findPostAuthorId(
  db: Kysely<Database>,
  id: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("posts")
    .select("author_id")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.author_id;
}

export interface NewPost {
  authorId: number;
  title: string;
  content: string;
}

export async function insertPost(db: Kysely<Database>, post: NewPost): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto("posts")
    .values({
      author_id: post.authorId,
      title: post.title,
      content: post.content,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PostChange {
  title?: string | undefined;
  content?: string | undefined;
}

/** Updates only when `authorId` still owns the post, so a check-then-write race cannot slip. */
export async function updateOwnedPost(
  db: Kysely<Database>,
  id: number,
  authorId: number,
  change: PostChange,
): Promise<boolean> {
  const result = await db
    .updateTable("posts")
    .set({
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.content !== undefined ? { content: change.content } : {}),
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteOwnedPost(
  db: Kysely<Database>,
  id: number,
  authorId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom("posts")
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
