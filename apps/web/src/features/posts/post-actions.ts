// What the post page and the editor offer for one post: the server's own rule (can(), from
// `@folio/api/policy`) for the role, and the post's state for the move. Hiding is a courtesy;
// the server decides every call.
import type { Post } from "@folio/api";
import { can, hasPermission, type Viewer } from "@folio/api/policy";

export type OfferedAction = "edit" | "delete" | "publish" | "schedule" | "unpublish" | "submit";

/** What the rules read of a post: where it stands and who wrote it. */
export interface PostAtHand {
  status: Post["status"];
  author: { id: number };
}

export function offeredActions(viewer: Viewer | null, post: PostAtHand): Set<OfferedAction> {
  const offered = new Set<OfferedAction>();
  if (!viewer) return offered;
  const facts = { authorId: post.author.id, state: post.status };
  if (can(viewer, "update", facts)) offered.add("edit");
  if (can(viewer, "delete", facts)) offered.add("delete");
  // Publishing a published post changes nothing, and a time for it is refused.
  if (can(viewer, "publish", facts) && post.status !== "published") {
    offered.add("publish");
    offered.add("schedule");
  }
  // A draft stays a draft.
  if (can(viewer, "unpublish", facts) && post.status !== "draft") offered.add("unpublish");
  // Only a draft can be submitted.
  if (can(viewer, "submit", facts) && post.status === "draft") offered.add("submit");
  return offered;
}

export type CreationIntent = "publish" | "schedule" | "draft" | "pending";

/** The ways a new post can be saved, for a role: contributors cannot publish or schedule. */
export function creationIntents(viewer: Viewer): CreationIntent[] {
  if (!hasPermission(viewer.role, "post.write")) return [];
  const asNewPost = { author: { id: viewer.id }, status: "draft" as const };
  const mayPublish = offeredActions(viewer, asNewPost).has("publish");
  return mayPublish ? ["publish", "schedule", "draft", "pending"] : ["draft", "pending"];
}
