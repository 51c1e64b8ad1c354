import type { Post } from "@folio/api";
import { visibilityNotice } from "./post-status";

/** Over a post that is not live: who can see it, and when it goes live if it is scheduled. */
export function VisibilityBanner({ post, viewerId }: { post: Post; viewerId: number | undefined }) {
  const notice = visibilityNotice(post, viewerId);
  if (!notice) return null;
  return (
    <p className="alert alert-warning fw-semibold" role="note">
      {notice}
    </p>
  );
}
