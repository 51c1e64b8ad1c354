import { Dialog } from "../../components/ui/dialog";
import { describeError } from "../../lib/api-errors";

/** What a FORBIDDEN answer looks like: the server's reason, and that nothing changed. */
export function NotAuthorizedDialog({ error, onClose }: { error: unknown; onClose: () => void }) {
  return (
    <Dialog
      open={Boolean(error)}
      title="Not authorized"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          OK
        </button>
      }
    >
      <p className="mb-0">{error ? describeError(error) : null} Nothing was changed.</p>
    </Dialog>
  );
}
