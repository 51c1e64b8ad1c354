import { Dialog } from "../../components/ui/dialog";

/** What a FORBIDDEN answer looks like: the post belongs to someone else. */
export function NotAuthorizedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Not authorized"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          OK
        </button>
      }
    >
      <p className="mb-0">
        You are not authorized to change this post: only its author can edit or delete it. Nothing
        was changed.
      </p>
    </Dialog>
  );
}
