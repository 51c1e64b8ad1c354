// The rows only the main database's newer workloads need (issue 25): an editor, a post with a
// long comment thread (`comments`) and a pool of other people's drafts to publish (`publish`).
// Kept apart from seed.ts so the cached 1M database (keyed on the seed format) is unchanged.
import Database from "better-sqlite3";
import type { SeedSize } from "./seed.js";

/** The editor who publishes the drafts (logs in as userName(EDITOR_USER)). */
export const EDITOR_USER = 2;
/** Comments on the commented post: four pages of 50. */
export const THREAD_COMMENTS = 200;
/** Drafts to publish: more than a default run's publishes on both servers (then it wraps). */
export const DRAFTS = 60_000;

/** The post with the thread: in the feed's first page, so `list` counts its comments too. */
export const commentedPost = (size: SeedSize) => size.posts - 2;
/** Ids of the drafts: right after the seeded posts. */
export const draftIds = (size: SeedSize) => ({ first: size.posts + 1, count: DRAFTS });

const EPOCH = Date.parse("2020-01-01T00:00:00.000Z");

export function seedWorkloadExtras(path: string, size: SeedSize): void {
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const post = commentedPost(size);
  const postTime = Date.parse(
    (sqlite.prepare("select created_at from posts where id = ?").pluck().get(post) as string) ??
      new Date(EPOCH).toISOString(),
  );
  const insertComment = sqlite.prepare(
    "insert into comments (id, post_id, parent_id, author_id, body, created_at, deleted_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertDraft = sqlite.prepare(
    "insert into posts (id, author_id, title, content, status, published_at, created_at, updated_at) values (?, ?, ?, ?, 'draft', null, ?, ?)",
  );
  sqlite.transaction(() => {
    sqlite.prepare("update users set role = 'editor' where id = ?").run(EDITOR_USER);
    let topLevel = 0;
    for (let n = 1; n <= THREAD_COMMENTS; n++) {
      // Every fifth answers the last top-level comment; every 40th is a deleted placeholder.
      const parent = n % 5 === 0 && topLevel > 0 ? topLevel : null;
      if (parent === null) topLevel = n;
      const at = new Date(postTime + n * 1000).toISOString();
      const deleted = n % 40 === 0 ? at : null;
      const author = ((n * 13) % size.users) + 1;
      insertComment.run(
        n,
        post,
        parent,
        author,
        `Comment ${n} of the benchmark thread.`,
        at,
        deleted,
      );
    }
    const { first, count } = draftIds(size);
    for (let id = first; id < first + count; id++) {
      const at = new Date(EPOCH + id * 60_000).toISOString();
      // Someone other than the editor: publishing is a moderation (an audit event).
      const author = EDITOR_USER + 1 + (id % (size.users - EDITOR_USER));
      insertDraft.run(id, author, `Draft ${id}`, `A draft waiting for an editor (${id}).`, at, at);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}
