// The comments under a published post: the list (replies indented under what they answer), a
// box to write one for whoever is signed in, and what each viewer may do to each comment.
import { useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { loginPathFor } from "../../lib/safe-next";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { threadsOf } from "./thread";
import { useComments, useCreateComment, useViewer } from "./use-comments";

interface CommentSectionProps {
  postId: number;
  postAuthorId: number;
  commentCount: number;
}

export function CommentSection({ postId, postAuthorId, commentCount }: CommentSectionProps) {
  const viewer = useViewer();
  const location = useLocation();
  const comments = useComments(postId);
  const create = useCreateComment(postId);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const announce = (message: string) => {
    setAnnouncement(message);
    // A deleted comment leaves the page: keep the keyboard where the comments are.
    if (message === "Comment deleted.") heading.current?.focus();
  };
  const threads = threadsOf(comments.data?.pages.flatMap((page) => page.items) ?? []);

  return (
    <section aria-labelledby={headingId} className="mt-5">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="h4 mb-3">
        Comments <span className="text-body-secondary fs-6">({commentCount})</span>
      </h2>
      {viewer ? (
        <CommentForm
          label="Add a comment"
          submitLabel="Post comment"
          pendingLabel="Posting…"
          pending={create.isPending}
          onSave={(body) =>
            create.mutateAsync({ postId, body }).then(() => announce("Comment posted."))
          }
        />
      ) : (
        <p>
          <Link to={loginPathFor(location.pathname)}>Log in</Link> to join the conversation.
        </p>
      )}
      {comments.isPending ? (
        <Spinner label="Loading comments…" />
      ) : comments.isError ? (
        <ErrorAlert
          error={comments.error}
          title="Couldn't load the comments."
          onRetry={() => void comments.refetch()}
        />
      ) : threads.length === 0 ? (
        <p className="text-body-secondary">No comments yet.</p>
      ) : (
        <ol className="list-unstyled" aria-label="Comments">
          {threads.map(({ comment, replies }) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              replies={replies}
              postAuthorId={postAuthorId}
              viewer={viewer}
              announce={announce}
            />
          ))}
        </ol>
      )}
      {comments.hasNextPage ? (
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={comments.isFetchingNextPage}
          onClick={() => void comments.fetchNextPage()}
        >
          {comments.isFetchingNextPage ? "Loading…" : "Load more comments"}
        </button>
      ) : null}
      <div className="visually-hidden" role="status">
        {announcement}
      </div>
    </section>
  );
}
