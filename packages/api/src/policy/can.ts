// The check for one post or comment: may this account do this to it? Visibility comes first (a
// post the caller may not see was never found: NOT_FOUND, from the scope), then this (FORBIDDEN).
import type { PostState } from "@folio/db";
import { TRPCError } from "@trpc/server";
import { hasPermission } from "./roles.js";
import type { Viewer } from "./visibility.js";

export type PostAction = "update" | "delete" | "publish" | "unpublish" | "submit";

/** What the check reads of a post: who wrote it and where it stands. */
export interface PostFacts {
  authorId: number;
  state: PostState;
}

const isLiveOrScheduled = (state: PostState) => state === "published" || state === "scheduled";

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

const REFUSALS: Record<PostAction, string> = {
  update: "You can't edit this post.",
  delete: "You can't delete this post.",
  publish: "You can't publish this post: submit it for review instead.",
  unpublish: "You can't unpublish this post.",
  submit: "Only the post's author can submit it for review.",
};

/** `can`, or FORBIDDEN with a message that says what is not allowed. */
export function authorize(user: Viewer, action: PostAction, post: PostFacts): void {
  if (!can(user, action, post)) {
    const message =
      action === "update" && post.authorId === user.id && isLiveOrScheduled(post.state)
        ? "Contributors can't edit a post once it is published or scheduled."
        : REFUSALS[action];
    throw new TRPCError({ code: "FORBIDDEN", message });
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

const COMMENT_REFUSALS: Record<CommentAction, string> = {
  update: "Only the comment's author can edit it.",
  delete: "You can't delete this comment: only its author, the post's author and editors can.",
};

/** `canComment`, or FORBIDDEN with a message that says what is not allowed. */
export function authorizeComment(user: Viewer, action: CommentAction, comment: CommentFacts): void {
  if (!canComment(user, action, comment)) {
    throw new TRPCError({ code: "FORBIDDEN", message: COMMENT_REFUSALS[action] });
  }
}
