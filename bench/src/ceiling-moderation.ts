// The ceiling's post.publish and post.unpublish by an editor: the statements Folio runs for them
// (packages/api's posts router: the post as the editor sees it, the state move and the author's
// security event in one transaction, the post read again), with no framework around them.
import { randomUUIDv7 } from "node:crypto";
import type Database from "better-sqlite3";
import { POST_COLUMNS, type PostRow } from "./ceiling-db.js";

/** The roles that see every post and may publish anyone's (policy/roles.ts "post.moderate"). */
const MODERATORS = new Set(["editor", "admin", "owner"]);

export interface Moderator {
  id: number;
  username: string;
  role: string;
}

export interface Origin {
  ip: string | null;
  userAgent: string | null;
}

const quoteTitle = (title: string) => `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`;

export function ceilingModeration<Post>(sqlite: Database.Database, toPost: (row: PostRow) => Post) {
  // An editor's audience sees every post: Kysely's scope compiles to `true`.
  const visible = sqlite.prepare<[string, string, number], PostRow>(
    `${POST_COLUMNS} where "posts"."id" = ? and true`,
  );
  const setStatus = sqlite.prepare<[string, string | null, number]>(
    'update "posts" set "status" = ?, "published_at" = ? where "id" = ?',
  );
  const insertEvent = sqlite.prepare(
    'insert into "audit_events" ("id", "at", "action", "actor_id", "actor_username", "subject_id", "subject_username", "target_type", "target_id", "target_label", "ip", "user_agent") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const read = (id: number) => visible.get("published", new Date().toISOString(), id);

  /** Publishes now or unpublishes; the post as it is after, or undefined (NOT_FOUND). */
  return (user: Moderator, id: number, move: "publish" | "unpublish", origin: Origin) => {
    if (!MODERATORS.has(user.role)) return undefined;
    const post = read(id);
    if (!post) return undefined;
    const now = new Date();
    const at = now.toISOString();
    const live = post.status === "published" && (post.published_at ?? "") <= at;
    // Published stays published, a draft stays a draft: nothing written, no event.
    const change =
      move === "publish"
        ? live
          ? null
          : "published"
        : post.status === "draft"
          ? null
          : "unpublished";
    if (change) {
      sqlite.transaction(() => {
        if (move === "publish") setStatus.run("published", at, id);
        else setStatus.run("draft", null, id);
        if (user.id === post.author_id) return;
        insertEvent.run(
          randomUUIDv7(),
          at,
          "post.changed.by.other",
          user.id,
          user.username,
          post.author_id,
          post.author_username,
          "post",
          String(id),
          `${change} ${quoteTitle(post.title)}`,
          origin.ip,
          origin.userAgent,
        );
      })();
    }
    const after = read(id);
    return after ? toPost(after) : undefined;
  };
}
