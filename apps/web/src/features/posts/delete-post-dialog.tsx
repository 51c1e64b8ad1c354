import { Dialog } from "../../components/ui/dialog";
import { ErrorAlert } from "../../components/ui/error-alert";

interface DeletePostDialogProps {
  open: boolean;
  title: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeletePostDialog(props: DeletePostDialogProps) {
  const { open, title, pending, error, onConfirm, onClose } = props;
  return (
    <Dialog
      open={open}
      title="Delete this post?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn btn-secondary" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={pending} onClick={onConfirm}>
            {pending ? "Deleting…" : "Delete post"}
          </button>
        </>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <p className="mb-0">“{title}” will be deleted for good. This cannot be undone.</p>
    </Dialog>
  );
}
