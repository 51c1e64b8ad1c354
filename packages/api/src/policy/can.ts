// The check for one post or comment: may this account do this to it? Visibility comes first (a
// post the caller may not see was never found: NOT_FOUND, from the scope), then this (FORBIDDEN,
// in authorize.ts). No server code here: the SPA asks the same question (`@folio/api/policy`).
import type { PostState } from "@folio/db";
import { hasPermission } from "./roles.js";
import type { Viewer } from "./visibility.js";

export type PostAction = "update" | "delete" | "publish" | "unpublish" | "submit";

/** What the check reads of a post: who wrote it and where it stands. */
export interface PostFacts {
  authorId: number;
  state: PostState;
}

export const isLiveOrScheduled = (state: PostState) =>
  state === "published" || state === "scheduled";

/** API.md's table, for one post the caller can already see. */
export function can(user: Viewer, action: PostAction, post: PostFacts): boolean {
  const own = post.authorId === user.id;
  const moderates = hasPermission(user.role, "post.moderate");
  switch (action) {
    case "delete":
      return own || moderates;
    case "update":
      if (moderates) return true;
      if (!own) return false;
      if (hasPermission(user.role, "post.publishOwn")) return true;
      return hasPermission(user.role, "post.write") && !isLiveOrScheduled(post.state);
    case "publish":
    case "unpublish":
      return moderates || (own && hasPermission(user.role, "post.publishOwn"));
    case "submit":
      return own && hasPermission(user.role, "post.write");
  }
}

// Comments. Visibility comes first here too: a comment whose post the public may not read, or
// a deleted one, was never found (NOT_FOUND, from the scope); then this (FORBIDDEN).

export type CommentAction = "update" | "delete";

/** What the check reads of a comment: who wrote it, and who wrote its post. */
export interface CommentFacts {
  authorId: number | null;
  postAuthorId: number;
}

/**
 * API.md "Comments": nobody edits another person's words (the comment's author alone); the
 * comment's author, the post's author and editors and above may delete it.
 */
export function canComment(user: Viewer, action: CommentAction, comment: CommentFacts): boolean {
  const own = comment.authorId === user.id;
  switch (action) {
    case "update":
      return own;
    case "delete":
      return own || comment.postAuthorId === user.id || hasPermission(user.role, "post.moderate");
  }
}
