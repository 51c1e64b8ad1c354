// The two rows around a comment's words: who wrote it and when (and whether it was edited),
// and the buttons for what the viewer may do to it, each named for screen readers.
import type { Comment, PublicUser } from "@folio/api";
import type { RefObject } from "react";
import { Link } from "react-router";
import { Avatar } from "../../components/ui/avatar";
import { FormattedDate } from "../../components/ui/formatted-date";
import type { permissionsFor } from "./thread";

interface BylineProps {
  comment: Comment;
  author: PublicUser;
  /** The author link's id: it names the comment's article. */
  nameId: string;
}

export function CommentByline({ comment, author, nameId }: BylineProps) {
  return (
    <div className="d-flex align-items-center gap-2 small mb-1">
      <Avatar imageUrl={author.imageUrl} size="xs" />
      <Link id={nameId} to={`/users/${author.id}`} className="fw-semibold">
        {author.username}
      </Link>
      <span className="text-body-secondary">
        <FormattedDate iso={comment.createdAt} />
        {comment.editedAt ? (
          <>
            {" · "}
            <span title={new Date(comment.editedAt).toLocaleString()}>edited</span>
          </>
        ) : null}
      </span>
    </div>
  );
}

interface ActionsProps {
  may: ReturnType<typeof permissionsFor>;
  /** The comment author's name; `own` when it is the viewer. */
  name: string;
  own: boolean;
  /** Focus comes back to these when the reply or edit box closes. */
  replyButton: RefObject<HTMLButtonElement | null>;
  editButton: RefObject<HTMLButtonElement | null>;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

export function CommentActions(props: ActionsProps) {
  const { may, name, own } = props;
  const button = "btn btn-link btn-sm px-1";
  return (
    <div className="d-flex gap-1">
      {may.reply ? (
        <button
          ref={props.replyButton}
          type="button"
          className={button}
          aria-label={`Reply to ${name}`}
          onClick={props.onReply}
        >
          Reply
        </button>
      ) : null}
      {may.edit ? (
        <button
          ref={props.editButton}
          type="button"
          className={button}
          aria-label="Edit your comment"
          onClick={props.onEdit}
        >
          Edit
        </button>
      ) : null}
      {may.delete ? (
        <button
          type="button"
          className={`${button} link-danger`}
          aria-label={own ? "Delete your comment" : `Delete ${name}'s comment`}
          onClick={props.onDelete}
        >
          Delete
        </button>
      ) : null}
    </div>
  );
}
