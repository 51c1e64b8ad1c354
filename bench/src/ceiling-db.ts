// The ceiling's data layer: the very SQL Folio's Kysely queries compile to (see
// packages/db/src/posts.ts and users.ts), as better-sqlite3 prepared statements, and the same
// signed keyset cursors (packages/api/src/shared/cursor.ts) so a cursor from one server works on both.
import { createHmac, timingSafeEqual } from "node:crypto";
import Database from "better-sqlite3";
import { ceilingComments } from "./ceiling-comments.js";
import { ceilingModeration } from "./ceiling-moderation.js";
import { ceilingSearch } from "./ceiling-search.js";

// The visibility scope of packages/db/src/post-visibility.ts for the public.
const LIVE = '("posts"."status" = ? and "posts"."published_at" <= ?)';
/** Every post read: the author joined, the live comments counted (comment-count.ts). */
export const POST_COLUMNS =
  'select "posts"."id", "posts"."title", "posts"."content", "posts"."status", ' +
  '"posts"."published_at", "posts"."created_at", ' +
  '"posts"."updated_at", "posts"."author_id", "users"."username" as "author_username", ' +
  '"users"."image_url" as "author_image_url", "users"."created_at" as "author_created_at", ' +
  '(select count(*) as "n" from "comments" where "comments"."post_id" = "posts"."id" and ' +
  `"comments"."deleted_at" is null and ${LIVE}) as "comment_count" ` +
  'from "posts" inner join "users" on "users"."id" = "posts"."author_id"';
const NEWEST_FIRST = 'order by "posts"."published_at" desc, "posts"."id" desc limit ?';

export interface PostRow {
  id: number;
  title: string;
  content: string;
  status: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  author_id: number;
  author_username: string;
  author_image_url: string | null;
  author_created_at: string;
  comment_count: number;
}

export interface UserRow {
  id: number;
  username: string;
  email: string;
  image_url: string | null;
  created_at: string;
  email_verified: number;
  role: string;
  session_last_seen_at: string;
}

export type CeilingDb = ReturnType<typeof openCeilingDb>;

export function openCeilingDb(path: string, secret: Uint8Array) {
  const sqlite = new Database(path);
  // The same pragmas as @folio/db's createDb.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Each statement starts with the comment count's scope (status, now), then its own.
  type Live = [string, string];
  const byId = sqlite.prepare<[...Live, number, ...Live], PostRow>(
    `${POST_COLUMNS} where "posts"."id" = ? and ${LIVE}`,
  );
  const firstPage = sqlite.prepare<[...Live, ...Live, number], PostRow>(
    `${POST_COLUMNS} where ${LIVE} ${NEWEST_FIRST}`,
  );
  // The position's time first, as packages/db's selectPostPage puts it (SQLite seeks on it).
  const pageAfter = sqlite.prepare<[...Live, string, ...Live, string, number, number], PostRow>(
    `${POST_COLUMNS} where "posts"."published_at" <= ? and ${LIVE} and ("posts"."published_at", "posts"."id") < (?, ?) ${NEWEST_FIRST}`,
  );
  // The session lookup of packages/db/src/sessions.ts (findUserBySession) and its
  // once-a-minute last-seen write (touchSession).
  const userBySession = sqlite.prepare<[string, number, string], UserRow>(
    'select "users".*, "sessions"."last_seen_at" as "session_last_seen_at" from "sessions" ' +
      'inner join "users" on "users"."id" = "sessions"."user_id" ' +
      'where "sessions"."id" = ? and "sessions"."user_id" = ? and "sessions"."expires_at" > ?',
  );
  const touch = sqlite.prepare<[string, string, string]>(
    'update "sessions" set "last_seen_at" = ? where "id" = ? and "last_seen_at" < ?',
  );
  const insert = sqlite.prepare<[number, string, string, string, string, string, string]>(
    'insert into "posts" ("author_id", "title", "content", "status", "published_at", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?)',
  );
  const cursorKey = createHmac("sha256", secret).update("folio:cursor:v1").digest();
  const sign = (body: string) =>
    createHmac("sha256", cursorKey).update(body).digest().subarray(0, 16);

  const toPost = (row: PostRow) => ({
    id: row.id,
    title: row.title,
    content: row.content,
    // The wire status as Folio derives it: a published post ahead of its time is scheduled.
    status:
      row.status === "published" &&
      row.published_at !== null &&
      row.published_at > new Date().toISOString()
        ? "scheduled"
        : row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: {
      id: row.author_id,
      username: row.author_username,
      imageUrl: row.author_image_url,
      createdAt: row.author_created_at,
    },
    commentCount: row.comment_count,
  });

  function encodeCursor(at: string | null, id: number): string {
    const body = Buffer.from(JSON.stringify([at, id])).toString("base64url");
    return `${body}.${sign(body).toString("base64url")}`;
  }

  /** The position a cursor stands for, or null when this server did not sign it. */
  function decodeCursor(cursor: string): [string, number] | null {
    const [body, signature, ...rest] = cursor.split(".");
    if (!body || !signature || rest.length > 0) return null;
    const given = Buffer.from(signature, "base64url");
    const expected = sign(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as [string, number];
  }

  return {
    close: () => sqlite.close(),
    /** post.search's first page (ceiling-search.ts). */
    search: ceilingSearch(sqlite),
    /** comment.list (ceiling-comments.ts). */
    comments: ceilingComments(
      sqlite,
      (id, now) => byId.get("published", now, id, "published", now),
      encodeCursor,
    ),
    /** post.publish / post.unpublish by an editor (ceiling-moderation.ts). */
    moderation: ceilingModeration(sqlite, toPost),
    /** The user of a live session, moving its last-seen minute forward at most once a minute. */
    userBySession(sessionId: string, userId: number) {
      const now = new Date();
      const user = userBySession.get(sessionId, userId, now.toISOString());
      if (!user) return undefined;
      now.setUTCSeconds(0, 0);
      const minute = now.toISOString();
      if (user.session_last_seen_at < minute) touch.run(minute, sessionId, minute);
      return user;
    },
    postById(id: number) {
      const now = new Date().toISOString();
      const row = byId.get("published", now, id, "published", now);
      return row ? toPost(row) : undefined;
    },
    /** Keyset page: one extra row says whether another page exists. */
    page(limit: number, after: [string, number] | null) {
      const now = new Date().toISOString();
      const rows = after
        ? pageAfter.all("published", now, after[0], "published", now, after[0], after[1], limit + 1)
        : firstPage.all("published", now, "published", now, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > limit && last ? encodeCursor(last.published_at, last.id) : null;
      return { items: items.map(toPost), nextCursor };
    },
    decodeCursor,
    createPost(authorId: number, title: string, content: string) {
      const now = new Date().toISOString();
      const id = Number(
        insert.run(authorId, title, content, "published", now, now, now).lastInsertRowid,
      );
      return this.postById(id);
    },
  };
}
