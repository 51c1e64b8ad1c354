// The loaded pages of comment.list (oldest first, a reply always after what it answers) as
// threads: each top-level comment with its replies.
import type { Comment } from "@folio/api";

export interface Thread {
  comment: Comment;
  replies: Comment[];
}

export function threadsOf(comments: readonly Comment[]): Thread[] {
  const threads: Thread[] = [];
  const byId = new Map<number, Thread>();
  for (const comment of comments) {
    if (comment.parentId === null) {
      const thread = { comment, replies: [] };
      threads.push(thread);
      byId.set(comment.id, thread);
    } else {
      // The parent came first in the list; a reply without one (never sent) is left out.
      byId.get(comment.parentId)?.replies.push(comment);
    }
  }
  return threads;
}

/** Who may do what to a comment, as the server decides it (the server checks again). */
export interface Viewer {
  id: number;
  /** Editors and above delete any comment. */
  moderates: boolean;
}

export function permissionsFor(comment: Comment, postAuthorId: number, viewer: Viewer | null) {
  const own = viewer !== null && comment.author?.id === viewer.id;
  const live = !comment.deleted;
  return {
    reply: viewer !== null && live && comment.parentId === null,
    edit: own && live,
    delete: live && viewer !== null && (own || postAuthorId === viewer.id || viewer.moderates),
  };
}
