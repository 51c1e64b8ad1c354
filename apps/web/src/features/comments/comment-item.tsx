// One comment with what the viewer may do to it (reply, edit, delete), its replies indented
// below it. A deleted comment that still has replies shows as a placeholder.
import type { Comment } from "@folio/api";
import { useId, useRef, useState } from "react";
import { LazyMarkdown } from "../../components/markdown/lazy-markdown";
import { CommentForm } from "./comment-form";
import { CommentActions, CommentByline } from "./comment-parts";
import { DeleteCommentDialog } from "./delete-comment-dialog";
import { permissionsFor, type Viewer } from "./thread";
import { useCreateComment, useDeleteComment, useUpdateComment } from "./use-comments";

interface CommentItemProps {
  comment: Comment;
  replies?: Comment[];
  postAuthorId: number;
  viewer: Viewer | null;
  /** Tells screen readers what just happened ("Reply posted."). */
  announce: (message: string) => void;
}

export function CommentItem(props: CommentItemProps) {
  const { comment, replies = [], postAuthorId, viewer, announce } = props;
  const may = permissionsFor(comment, postAuthorId, viewer);
  const [mode, setMode] = useState<"read" | "edit" | "reply">("read");
  const [confirming, setConfirming] = useState(false);
  const create = useCreateComment(comment.postId);
  const update = useUpdateComment(comment.postId);
  const remove = useDeleteComment(comment.postId);
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const nameId = useId();
  const author = comment.author;
  const own = viewer !== null && author?.id === viewer.id;
  const name = author?.username ?? "someone";

  const close = (button: HTMLButtonElement | null) => {
    setMode("read");
    // Back to the button that opened the box, once it is on the page again.
    setTimeout(() => button?.focus());
  };

  return (
    <li className="mb-3">
      <article
        {...(author ? { "aria-labelledby": nameId } : { "aria-label": "Deleted comment" })}
        className="pt-2"
      >
        {comment.deleted || !author ? (
          <p className="fst-italic text-body-secondary mb-1">This comment was deleted.</p>
        ) : (
          <>
            <CommentByline comment={comment} author={author} nameId={nameId} />
            {mode === "edit" ? (
              <CommentForm
                label="Edit your comment"
                submitLabel="Save"
                pendingLabel="Saving…"
                initial={comment.body}
                pending={update.isPending}
                autoFocus
                onSave={(body) =>
                  update.mutateAsync({ id: comment.id, body }).then(() => {
                    announce("Comment saved.");
                    close(editButton.current);
                  })
                }
                onCancel={() => close(editButton.current)}
              />
            ) : (
              <div className="text-break">
                <LazyMarkdown source={comment.body} headingLevel={4} />
              </div>
            )}
            {mode === "read" ? (
              <CommentActions
                may={may}
                name={name}
                own={own}
                replyButton={replyButton}
                editButton={editButton}
                onReply={() => setMode("reply")}
                onEdit={() => setMode("edit")}
                onDelete={() => {
                  remove.reset();
                  setConfirming(true);
                }}
              />
            ) : null}
          </>
        )}
      </article>
      {mode === "reply" ? (
        <div className="ms-4">
          <CommentForm
            label={`Reply to ${name}`}
            submitLabel="Post reply"
            pendingLabel="Posting…"
            pending={create.isPending}
            autoFocus
            onSave={(body) =>
              create
                .mutateAsync({ postId: comment.postId, parentId: comment.id, body })
                .then(() => {
                  announce("Reply posted.");
                  close(replyButton.current);
                })
            }
            onCancel={() => close(replyButton.current)}
          />
        </div>
      ) : null}
      {replies.length > 0 ? (
        <ol className="list-unstyled ms-4 ps-3 border-start" aria-label={`Replies to ${name}`}>
          {replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              postAuthorId={postAuthorId}
              viewer={viewer}
              announce={announce}
            />
          ))}
        </ol>
      ) : null}

      <DeleteCommentDialog
        open={confirming}
        whose={own ? "your comment" : `${name}'s comment`}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          // mutateAsync, not mutate's callbacks: a comment without replies leaves the page
          // (this item unmounts) before the answer's callbacks would run. A failure stays in
          // the dialog (remove.error).
          remove.mutateAsync({ id: comment.id }).then(
            () => {
              setConfirming(false);
              announce("Comment deleted.");
            },
            () => undefined,
          )
        }
      />
    </li>
  );
}
