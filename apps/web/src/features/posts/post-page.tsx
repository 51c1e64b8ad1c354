import type { Post } from "@folio/api";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { LazyMarkdown } from "../../components/markdown/lazy-markdown";
import { Avatar } from "../../components/ui/avatar";
import { ErrorAlert } from "../../components/ui/error-alert";
import { FormattedDate } from "../../components/ui/formatted-date";
import { NotFound } from "../../components/ui/not-found";
import { Spinner } from "../../components/ui/spinner";
import { errorCode } from "../../lib/api-errors";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { PostActionsBar } from "./post-actions-bar";
import { parseId, usePost } from "./use-posts";
import { VisibilityBanner } from "./visibility-banner";

const POST_NOT_FOUND = "This post does not exist, or it was deleted.";

interface PostPageProps {
  /** What goes under a published post (the app puts its comments there). */
  renderComments?: (post: Post) => ReactNode;
}

export function PostPage({ renderComments }: PostPageProps) {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound title="Post not found" message={POST_NOT_FOUND} />;
  return <PostView id={id} renderComments={renderComments} />;
}

/** One post: a published one for anyone, a draft, pending or scheduled one for who may see it. */
function PostView({ id, renderComments }: PostPageProps & { id: number }) {
  const session = useAuth();
  const post = usePost(id);
  usePageTitle(post.data?.title ?? "Post");

  if (post.isPending) return <Spinner label="Loading post…" />;
  if (errorCode(post.error) === "NOT_FOUND") {
    return <NotFound title="Post not found" message={POST_NOT_FOUND} />;
  }
  if (!post.data) {
    return (
      <ErrorAlert error={post.error} title="Couldn't load this post." onRetry={post.refetch} />
    );
  }

  const { title, content, author, createdAt, updatedAt } = post.data;
  return (
    <article className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="mb-3 text-break">{title}</h1>
        <VisibilityBanner post={post.data} viewerId={session?.user.id} />
        <div className="d-flex align-items-center gap-2 mb-3">
          <Avatar imageUrl={author.imageUrl} />
          <div className="small">
            <Link to={`/users/${author.id}`} className="fw-semibold">
              {author.username}
            </Link>
            <div className="text-body-secondary">
              <FormattedDate iso={createdAt} />
              {updatedAt !== createdAt ? (
                <>
                  {" · edited "}
                  <FormattedDate iso={updatedAt} />
                </>
              ) : null}
            </div>
          </div>
        </div>
        <PostActionsBar post={post.data} viewer={session?.user ?? null} />
        <div className="post-content fs-5 text-break">
          <LazyMarkdown source={content} />
        </div>
        {post.data.status === "published" ? renderComments?.(post.data) : null}
      </div>
    </article>
  );
}
