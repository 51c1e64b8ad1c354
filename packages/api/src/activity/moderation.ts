// Moderation seen by the person moderated: when someone other than its author changes, publishes,
// unpublishes or deletes a post, or deletes a comment, the author finds it in their activity.
// Nothing happens when the author acts on their own work. The label names the post by its title
// (a copy), never by its text.
import type { Database } from "@folio/db";
import type { Transaction } from "kysely";
import { type Named, type RequestOrigin, recordEvent } from "./record.js";

export type PostChange = "updated" | "published" | "scheduled" | "unpublished" | "deleted";

export interface ModeratedPost {
  id: number;
  title: string;
  author: Named;
}

/** `“Title”`, shortened so a long title cannot make a long label. */
export function quoteTitle(title: string): string {
  const short = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  return `“${short}”`;
}

/** Records post.changed.by.other when `actor` is not the post's author; nothing otherwise. */
export async function recordPostChangedByOther(
  trx: Transaction<Database>,
  actor: Named,
  post: ModeratedPost,
  change: PostChange,
  origin: RequestOrigin,
): Promise<void> {
  if (actor.id === post.author.id) return;
  await recordEvent(trx, {
    action: "post.changed.by.other",
    actor,
    subject: post.author,
    // "unpublished “Title”": which post, and what was done to it.
    target: { type: "post", id: String(post.id), label: `${change} ${quoteTitle(post.title)}` },
    origin,
  });
}

export interface ModeratedComment {
  id: number;
  author: Named;
  /** The title of the post it was on (the comment's own text is never recorded). */
  postTitle: string;
}

/**
 * Records comment.deleted.by.other when `actor` is not the comment's author (the post's author
 * or an editor deleting it); nothing otherwise. For comment.delete, in its transaction.
 */
export async function recordCommentDeletedByOther(
  trx: Transaction<Database>,
  actor: Named,
  comment: ModeratedComment,
  origin: RequestOrigin,
): Promise<void> {
  if (actor.id === comment.author.id) return;
  await recordEvent(trx, {
    action: "comment.deleted.by.other",
    actor,
    subject: comment.author,
    target: {
      type: "comment",
      id: String(comment.id),
      label: `a comment on ${quoteTitle(comment.postTitle)}`,
    },
    origin,
  });
}
