import type { Post } from "@folio/api";
import type { Viewer } from "@folio/api/policy";
import { Link } from "react-router";
import { FormattedDate } from "../../components/ui/formatted-date";
import { offeredActions } from "./post-actions";
import { formatWhen } from "./post-status";
import { StatusBadge } from "./status-badge";

/** When the post went (or goes) live, or when it was written if it has not. */
function Timing({ post }: { post: Post }) {
  if (post.status === "scheduled" && post.publishedAt) {
    return <>Goes live {formatWhen(post.publishedAt)}</>;
  }
  if (post.status === "published" && post.publishedAt) {
    return (
      <>
        Published <FormattedDate iso={post.publishedAt} />
      </>
    );
  }
  return (
    <>
      Written <FormattedDate iso={post.createdAt} />
      {post.updatedAt !== post.createdAt ? (
        <>
          {" · edited "}
          <FormattedDate iso={post.updatedAt} />
        </>
      ) : null}
    </>
  );
}

/** One of the viewer's own posts: its state first, then its title, timing and edit link. */
export function MyPostCard({ post, viewer }: { post: Post; viewer: Viewer }) {
  return (
    <article className="card mb-3">
      <div className="card-body d-flex flex-wrap align-items-start gap-3">
        <div className="flex-grow-1">
          <StatusBadge status={post.status} />
          <h2 className="h5 card-title mt-2 mb-1">
            <Link to={`/posts/${post.id}`} className="link-body-emphasis text-break">
              {post.title}
            </Link>
          </h2>
          <p className="small text-body-secondary mb-0">
            <Timing post={post} />
          </p>
        </div>
        {offeredActions(viewer, post).has("edit") ? (
          <Link
            to={`/posts/${post.id}/edit`}
            className="btn btn-outline-primary btn-sm"
            aria-label={`Edit “${post.title}”`}
          >
            Edit
          </Link>
        ) : null}
      </div>
    </article>
  );
}
