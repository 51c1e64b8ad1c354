// Post queries. Every read joins the author and counts the live comments, so a page costs one
// indexed query.
import type { Kysely } from "kysely";
import { commentCountOf } from "./comment-count.js";
import { type FeedPosition, keysetSlice } from "./keyset.js";
import {
  inState,
  type PostAudience,
  type PostState,
  PUBLIC_AUDIENCE,
  visibleTo,
} from "./post-visibility.js";
import { queryTemplate } from "./query-template.js";
import type { Database, StoredPostStatus } from "./schema.js";

/** A page of the public feed (or of one author's published posts). */
export interface PostPageQuery {
  limit: number;
  after?: FeedPosition | undefined;
  authorId?: number | undefined;
  /** The time of the read (ISO); defaults to now. A post scheduled after it is not shown. */
  now?: string | undefined;
}

/**
 * What every read of posts selects from posts joined with users (the row `toPost` maps, with
 * `comment_count`). Search on SQLite reads from its full-text table first and selects these too
 * (search-sqlite.ts).
 */
export const POST_WITH_AUTHOR_COLUMNS = [
  "posts.id",
  "posts.title",
  "posts.content",
  "posts.status",
  "posts.published_at",
  "posts.created_at",
  "posts.updated_at",
  "posts.author_id",
  "users.username as author_username",
  "users.image_url as author_image_url",
  "users.created_at as author_created_at",
] as const;

/** Posts with their author and `comment_count` (the comments the public may read, at `now`). */
function selectPostsWithAuthor(db: Kysely<Database>, now: string) {
  return db
    .selectFrom("posts")
    .innerJoin("users", "users.id", "posts.author_id")
    .select(POST_WITH_AUTHOR_COLUMNS)
    .select(commentCountOf(now));
}

export type PostWithAuthorRow = Awaited<
  ReturnType<ReturnType<typeof selectPostsWithAuthor>["executeTakeFirstOrThrow"]>
>;

const nowIso = () => new Date().toISOString();

/** The query behind findPostById, unexecuted (the template is compiled from it). */
export function selectPostById(db: Kysely<Database>, id: number, now: string = nowIso()) {
  return selectPostsWithAuthor(db, now)
    .where("posts.id", "=", id)
    .where(visibleTo(PUBLIC_AUDIENCE, now));
}

const NOW_SENTINEL = "\u0000query-template-now";
const postById = queryTemplate(
  (db, { id, now }: { id: number; now: string }) => selectPostById(db, id, now),
  { id: -1, now: NOW_SENTINEL },
);

/** A post anyone may read (published, its time come), or undefined. */
export async function findPostById(
  db: Kysely<Database>,
  id: number,
  now: string = nowIso(),
): Promise<PostWithAuthorRow | undefined> {
  return (await postById.execute(db, { id, now }))[0];
}

/** A post in any status, if `audience` may see it (post.preview, and before every change). */
export function findVisiblePost(
  db: Kysely<Database>,
  id: number,
  audience: PostAudience,
  now: string = nowIso(),
): Promise<PostWithAuthorRow | undefined> {
  return selectPostsWithAuthor(db, now)
    .where("posts.id", "=", id)
    .where(visibleTo(audience, now))
    .executeTakeFirst();
}

/** The query behind listPosts, unexecuted, so tests can read its plan. */
export function selectPostPage(db: Kysely<Database>, query: PostPageQuery) {
  const now = query.now ?? nowIso();
  const after = query.after;
  let select = selectPostsWithAuthor(db, now);
  // After a position, the position's time comes first: SQLite seeks the feed index on the first
  // upper bound of published_at it is given, and with the scope's `<= now` first it walked every
  // post newer than the position (a page 5,000 deep: 0.69 → 0.055 ms; bench/README.md).
  if (after) select = select.where("posts.published_at", "<=", after.at);
  select = select.where(visibleTo(PUBLIC_AUDIENCE, now));
  if (query.authorId !== undefined) select = select.where("posts.author_id", "=", query.authorId);
  if (after) {
    select = select.where((eb) =>
      eb(eb.refTuple("posts.published_at", "posts.id"), "<", eb.tuple(after.at, after.id)),
    );
  }
  return select
    .orderBy("posts.published_at", "desc")
    .orderBy("posts.id", "desc")
    .limit(query.limit);
}

// One template per shape of selectPostPage: the feed or one author's posts, from the top or
// after a position. Sentinels: ids and limits no call passes, times no row holds.
const AFTER_SENTINEL = { at: "\u0000query-template", id: -2 };
const pageTemplates = {
  feed: queryTemplate((db, v: { limit: number; now: string }) => selectPostPage(db, v), {
    limit: -1,
    now: NOW_SENTINEL,
  }),
  feedAfter: queryTemplate(
    (db, v: { limit: number; now: string; at: string; id: number }) =>
      selectPostPage(db, { limit: v.limit, now: v.now, after: { at: v.at, id: v.id } }),
    { limit: -1, now: NOW_SENTINEL, ...AFTER_SENTINEL },
  ),
  byAuthor: queryTemplate(
    (db, v: { limit: number; now: string; authorId: number }) => selectPostPage(db, v),
    { limit: -1, now: NOW_SENTINEL, authorId: -3 },
  ),
  byAuthorAfter: queryTemplate(
    (db, v: { limit: number; now: string; authorId: number; at: string; id: number }) =>
      selectPostPage(db, {
        limit: v.limit,
        now: v.now,
        authorId: v.authorId,
        after: { at: v.at, id: v.id },
      }),
    { limit: -1, now: NOW_SENTINEL, authorId: -3, ...AFTER_SENTINEL },
  ),
};

/** The compiled query behind listPosts for `query` (its template, with query's values). */
export function compilePostPage(db: Kysely<Database>, query: PostPageQuery) {
  const { limit, after, authorId } = query;
  const now = query.now ?? nowIso();
  if (authorId === undefined) {
    return after
      ? pageTemplates.feedAfter.compile(db, { limit, now, ...after })
      : pageTemplates.feed.compile(db, { limit, now });
  }
  return after
    ? pageTemplates.byAuthorAfter.compile(db, { limit, now, authorId, ...after })
    : pageTemplates.byAuthor.compile(db, { limit, now, authorId });
}

/**
 * The public feed, newest `published_at` first. Returns up to `limit` rows; callers ask for
 * one extra to know if more exist.
 */
export async function listPosts(
  db: Kysely<Database>,
  query: PostPageQuery,
): Promise<PostWithAuthorRow[]> {
  return (await db.executeQuery(compilePostPage(db, query))).rows;
}

/** The compiled query behind findPostById (for the template test). */
export const compilePostById = (db: Kysely<Database>, id: number, now: string = nowIso()) =>
  postById.compile(db, { id, now });

const NEWEST_CREATED = { time: "posts.created_at", id: "posts.id", direction: "desc" } as const;

export interface AuthorPostsQuery {
  authorId: number;
  /** The caller, through whose eyes the posts are read (the scope applies to every read). */
  audience: PostAudience;
  state?: PostState | undefined;
  limit: number;
  after?: FeedPosition | undefined;
  now?: string | undefined;
}

/** One author's posts in every state (or one), newest created first: "my posts". */
export function listAuthorPosts(
  db: Kysely<Database>,
  query: AuthorPostsQuery,
): Promise<PostWithAuthorRow[]> {
  const now = query.now ?? nowIso();
  let select = selectPostsWithAuthor(db, now)
    .where(visibleTo(query.audience, now))
    .where("posts.author_id", "=", query.authorId);
  if (query.state) select = select.where(inState(query.state, now));
  return keysetSlice(select, NEWEST_CREATED, query.after, query.limit).execute();
}

export interface PendingPostsQuery {
  audience: PostAudience;
  limit: number;
  after?: FeedPosition | undefined;
  now?: string | undefined;
}

/** Posts submitted for review, oldest first (the editors' queue). */
export function listPendingPosts(
  db: Kysely<Database>,
  query: PendingPostsQuery,
): Promise<PostWithAuthorRow[]> {
  const now = query.now ?? nowIso();
  const select = selectPostsWithAuthor(db, now)
    .where(visibleTo(query.audience, now))
    .where(inState("pending", now));
  return keysetSlice(
    select,
    { ...NEWEST_CREATED, direction: "asc" },
    query.after,
    query.limit,
  ).execute();
}

/** How many posts of `authorId` the audience may see (the admin list: every status). */
export async function countPostsOf(
  db: Kysely<Database>,
  authorId: number,
  audience: PostAudience,
  now: string = nowIso(),
): Promise<number> {
  const row = await db
    .selectFrom("posts")
    .where(visibleTo(audience, now))
    .where("posts.author_id", "=", authorId)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface NewPost {
  authorId: number;
  title: string;
  content: string;
  status: StoredPostStatus;
  /** Set only with `published`: now, or a time ahead (scheduled). */
  publishedAt: string | null;
}

export async function insertPost(db: Kysely<Database>, post: NewPost): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto("posts")
    .values({
      author_id: post.authorId,
      title: post.title,
      content: post.content,
      status: post.status,
      published_at: post.status === "published" ? (post.publishedAt ?? now) : null,
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

/**
 * Changes a post's text. The caller checked the policy on the row it read; `expected` repeats
 * what that decision rested on (the author and the stored state), so a post that changed in
 * between is left alone and the call reports false.
 */
export async function updatePostText(
  db: Kysely<Database>,
  expected: Pick<PostWithAuthorRow, "id" | "author_id" | "status">,
  change: PostChange,
): Promise<boolean> {
  const result = await db
    .updateTable("posts")
    .set({
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.content !== undefined ? { content: change.content } : {}),
      updated_at: nowIso(),
    })
    .where("id", "=", expected.id)
    .where("author_id", "=", expected.author_id)
    .where("status", "=", expected.status)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves a post to `status` (with its `published_at`); false when it is gone. */
export async function setPostStatus(
  db: Kysely<Database>,
  id: number,
  status: StoredPostStatus,
  publishedAt: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable("posts")
    .set({ status, published_at: status === "published" ? publishedAt : null })
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a post (the policy was checked on the row the caller read); false when gone. */
export async function deletePost(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom("posts").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
