// The review queue (editors and above): everyone's posts waiting for review, oldest first. An
// editor opens one (the post page previews it, with Publish and Send back to draft), edits it
// if needed, and decides. The server decides who sees the queue: a 403 says so, also to an
// editor demoted since the last click.
import type { Post } from "@folio/api";
import { Link } from "react-router";
import { Avatar } from "../../components/ui/avatar";
import { FormattedDate } from "../../components/ui/formatted-date";
import { NoAccess } from "../../components/ui/no-access";
import { PagedList } from "../../components/ui/paged-list";
import { errorCode } from "../../lib/api-errors";
import { trpc } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";

function useReviewQueue() {
  return trpc.post.review.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

function PendingPost({ post }: { post: Post }) {
  return (
    <li className="list-group-item d-flex flex-wrap align-items-center gap-3 py-3">
      <Avatar imageUrl={post.author.imageUrl} />
      <div className="flex-grow-1">
        <Link to={`/posts/${post.id}`} className="fw-semibold text-break">
          {post.title}
        </Link>
        <div className="small text-body-secondary">
          by {post.author.username} · written <FormattedDate iso={post.createdAt} />
          {post.updatedAt !== post.createdAt ? (
            <>
              {" · edited "}
              <FormattedDate iso={post.updatedAt} />
            </>
          ) : null}
        </div>
      </div>
      <Link
        to={`/posts/${post.id}/edit`}
        className="btn btn-outline-primary btn-sm"
        aria-label={`Edit “${post.title}”`}
      >
        Edit
      </Link>
    </li>
  );
}

export function ReviewPage() {
  usePageTitle("Review queue");
  const queue = useReviewQueue();
  if (errorCode(queue.error) === "FORBIDDEN") {
    return <NoAccess what="the review queue" who="editors, admins and the site's owner" />;
  }
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-2">Review queue</h1>
        <p className="text-body-secondary mb-4">
          Posts submitted for review, oldest first. Open one to read it, edit it, publish it or send
          it back to its author as a draft.
        </p>
        <PagedList
          query={queue}
          loadingLabel="Loading the review queue…"
          errorTitle="Couldn't load the review queue."
          moreErrorTitle="Couldn't load more posts."
          empty={<p className="lead text-body-secondary py-4">No posts are waiting for review.</p>}
        >
          {(posts) => (
            <ul className="list-group mb-3" aria-label="Posts waiting for review">
              {posts.map((post) => (
                <PendingPost key={post.id} post={post} />
              ))}
            </ul>
          )}
        </PagedList>
      </div>
    </div>
  );
}
