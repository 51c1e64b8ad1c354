// The policy's answer as an error: FORBIDDEN with a message that says what is not allowed.
// Apart from can.ts, which the SPA imports and which must carry no server code.
import { TRPCError } from "@trpc/server";
import {
  type CommentAction,
  type CommentFacts,
  can,
  canComment,
  isLiveOrScheduled,
  type PostAction,
  type PostFacts,
} from "./can.js";
import type { Viewer } from "./visibility.js";

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
