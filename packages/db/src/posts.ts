// Post queries. Every read joins the author, so a page costs one indexed query.
import type { Kysely } from "kysely";
import { queryTemplate } from "./query-template.js";
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

/** The query behind findPostById, unexecuted (the template is compiled from it). */
export function selectPostById(db: Kysely<Database>, id: number) {
  return selectPostsWithAuthor(db).where("posts.id", "=", id);
}

const postById = queryTemplate((db, { id }: { id: number }) => selectPostById(db, id), { id: -1 });

export async function findPostById(
  db: Kysely<Database>,
  id: number,
): Promise<PostWithAuthorRow | undefined> {
  return (await postById.execute(db, { id }))[0];
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

// One template per shape of selectPostPage: the feed or one author's posts, from the top or
// after a position. Sentinels: ids and limits no call passes, a created_at no row holds.
const AFTER_SENTINEL = { createdAt: "\u0000query-template", id: -2 };
const pageTemplates = {
  feed: queryTemplate((db, v: { limit: number }) => selectPostPage(db, v), { limit: -1 }),
  feedAfter: queryTemplate(
    (db, v: { limit: number; createdAt: string; id: number }) =>
      selectPostPage(db, { limit: v.limit, after: { createdAt: v.createdAt, id: v.id } }),
    { limit: -1, ...AFTER_SENTINEL },
  ),
  byAuthor: queryTemplate((db, v: { limit: number; authorId: number }) => selectPostPage(db, v), {
    limit: -1,
    authorId: -3,
  }),
  byAuthorAfter: queryTemplate(
    (db, v: { limit: number; authorId: number; createdAt: string; id: number }) =>
      selectPostPage(db, {
        limit: v.limit,
        authorId: v.authorId,
        after: { createdAt: v.createdAt, id: v.id },
      }),
    { limit: -1, authorId: -3, ...AFTER_SENTINEL },
  ),
};

/** The compiled query behind listPosts for `query` (its template, with query's values). */
export function compilePostPage(db: Kysely<Database>, query: PostPageQuery) {
  const { limit, after, authorId } = query;
  if (authorId === undefined) {
    return after
      ? pageTemplates.feedAfter.compile(db, { limit, ...after })
      : pageTemplates.feed.compile(db, { limit });
  }
  return after
    ? pageTemplates.byAuthorAfter.compile(db, { limit, authorId, ...after })
    : pageTemplates.byAuthor.compile(db, { limit, authorId });
}

/** Newest first. Returns up to `limit` rows; callers ask for one extra to know if more exist. */
export async function listPosts(
  db: Kysely<Database>,
  query: PostPageQuery,
): Promise<PostWithAuthorRow[]> {
  return (await db.executeQuery(compilePostPage(db, query))).rows;
}

/** The compiled query behind findPostById (for the template test). */
export const compilePostById = (db: Kysely<Database>, id: number) => postById.compile(db, { id });

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
