import type { Post } from "@folio/api";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { LazyMarkdown } from "../../components/markdown/lazy-markdown";
import { Avatar } from "../../components/ui/avatar";
import { ErrorAlert } from "../../components/ui/error-alert";
import { FormattedDate } from "../../components/ui/formatted-date";
import { NotFound } from "../../components/ui/not-found";
import { Spinner } from "../../components/ui/spinner";
import { errorCode } from "../../lib/api-errors";
import { withNotice } from "../../lib/notice";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { DeletePostDialog } from "./delete-post-dialog";
import { NotAuthorizedDialog } from "./not-authorized-dialog";
import { useDeletePost } from "./use-post-mutations";
import { parseId, usePost } from "./use-posts";

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

function PostView({ id, renderComments }: PostPageProps & { id: number }) {
  const session = useAuth();
  const navigate = useNavigate();
  const post = usePost(id);
  const remove = useDeletePost();
  const [confirming, setConfirming] = useState(false);
  const [forbidden, setForbidden] = useState(false);
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
  const isOwner = session?.user.id === author.id;
  const confirmDelete = () =>
    remove.mutate(
      { id },
      {
        onSuccess: () => void navigate("/", withNotice("Your post was deleted.")),
        onError: (error) => {
          if (errorCode(error) !== "FORBIDDEN") return;
          setConfirming(false);
          setForbidden(true);
        },
      },
    );

  return (
    <article className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="mb-3 text-break">{title}</h1>
        <div className="d-flex align-items-center gap-2 mb-4">
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
          {isOwner ? (
            <div className="ms-auto d-flex gap-2">
              <Link to={`/posts/${id}/edit`} className="btn btn-outline-primary btn-sm">
                Edit
              </Link>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => {
                  remove.reset();
                  setConfirming(true);
                }}
              >
                Delete
              </button>
            </div>
          ) : null}
        </div>
        <div className="fs-5 text-break">
          <LazyMarkdown source={content} />
        </div>
        {post.data.status === "published" ? renderComments?.(post.data) : null}
      </div>
      <DeletePostDialog
        open={confirming}
        title={title}
        pending={remove.isPending}
        error={errorCode(remove.error) === "FORBIDDEN" ? null : remove.error}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      />
      <NotAuthorizedDialog open={forbidden} onClose={() => setForbidden(false)} />
    </article>
  );
}
