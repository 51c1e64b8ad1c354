import { Dialog } from "../../components/ui/dialog";

/** What a FORBIDDEN answer looks like: the post belongs to someone else. */
export function NotAuthorizedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Not authorized"
      onClose={onClose}
      footer={
        // biome-ignore lint/a11y/noAutofocus: a modal dialog should start on its safe choice (HTML dialog guidance)
        <button type="button" className="btn btn-primary" autoFocus onClick={onClose}>
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
