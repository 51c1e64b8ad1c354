import { Dialog } from "../../components/ui/dialog";
import { ErrorAlert } from "../../components/ui/error-alert";

interface DeleteCommentDialogProps {
  open: boolean;
  /** Whose words go: "your comment" or "alice's comment". */
  whose: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a comment is deleted; replies to it stay under a placeholder. */
export function DeleteCommentDialog(props: DeleteCommentDialogProps) {
  const { open, whose, pending, error, onConfirm, onClose } = props;
  return (
    <Dialog
      open={open}
      title="Delete this comment?"
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={onClose}
            data-autofocus
          >
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={pending}>
            {pending ? (
              <>
                <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
                Deleting…
              </>
            ) : (
              "Delete comment"
            )}
          </button>
        </>
      }
    >
      {error ? <ErrorAlert error={error} title="The comment was not deleted." /> : null}
      <p className="mb-0">
        This removes {whose} for good. Replies to it stay, under a note that it was deleted.
      </p>
    </Dialog>
  );
}
