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
          {/* biome-ignore lint/a11y/noAutofocus: a modal dialog should start on its safe choice (HTML dialog guidance) */}
          <button type="button" className="btn btn-secondary" autoFocus onClick={onClose}>
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
