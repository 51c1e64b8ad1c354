// The ceiling's comment.list: the same two statements Folio runs (packages/api's comment router:
// the post must be live, then packages/db's listComments), the rows mapped like toComment and
// paged with the same signed keyset cursor, so the answers are identical.
import type Database from "better-sqlite3";

const LIVE = '("posts"."status" = ? and "posts"."published_at" <= ?)';
const COMMENT_PAGE =
  'select "comments"."id", "comments"."post_id", "comments"."parent_id", "comments"."author_id", ' +
  '"comments"."body", "comments"."created_at", "comments"."edited_at", "comments"."deleted_at", ' +
  '"posts"."author_id" as "post_author_id", "posts"."title" as "post_title", ' +
  '"users"."username" as "author_username", "users"."image_url" as "author_image_url", ' +
  '"users"."created_at" as "author_created_at" from "comments" ' +
  'inner join "posts" on "posts"."id" = "comments"."post_id" ' +
  'left join "users" on "users"."id" = "comments"."author_id" ' +
  `where ${LIVE} and "comments"."post_id" = ?`;
const OLDEST_FIRST = 'order by "comments"."created_at" asc, "comments"."id" asc limit ?';

interface CommentRow {
  id: number;
  post_id: number;
  parent_id: number | null;
  author_id: number | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  author_username: string | null;
  author_image_url: string | null;
  author_created_at: string | null;
}

function toComment(row: CommentRow) {
  const deleted = row.deleted_at !== null;
  const author =
    deleted || row.author_id === null || row.author_username === null
      ? null
      : {
          id: row.author_id,
          username: row.author_username,
          imageUrl: row.author_image_url,
          createdAt: row.author_created_at ?? row.created_at,
        };
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    body: deleted ? "" : row.body,
    author,
    createdAt: row.created_at,
    editedAt: deleted || row.edited_at === null ? null : row.edited_at,
    deleted,
  };
}

export function ceilingComments(
  sqlite: Database.Database,
  livePost: (id: number, now: string) => unknown,
  encodeCursor: (at: string, id: number) => string,
) {
  const first = sqlite.prepare<[string, string, number, number], CommentRow>(
    `${COMMENT_PAGE} ${OLDEST_FIRST}`,
  );
  const after = sqlite.prepare<[string, string, number, string, number, number], CommentRow>(
    `${COMMENT_PAGE} and ("comments"."created_at", "comments"."id") > (?, ?) ${OLDEST_FIRST}`,
  );
  /** A page of a live post's comments, or undefined when the post is not live (NOT_FOUND). */
  return (postId: number, limit: number, position: [string, number] | null) => {
    const now = new Date().toISOString();
    if (!livePost(postId, now)) return undefined;
    const rows = position
      ? after.all("published", now, postId, position[0], position[1], limit + 1)
      : first.all("published", now, postId, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null;
    return { items: items.map(toComment), nextCursor };
  };
}
