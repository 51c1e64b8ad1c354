// "Are you sure?" before an action that changes something for good or for someone else: Cancel
// has the focus, the server's refusal shows inside, and the button says what is happening.
import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { ErrorAlert } from "./error-alert";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Red for what cannot be undone (delete, suspend). */
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, confirmLabel, pendingLabel, danger = false, pending, error } = props;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={props.onClose}
      footer={
        <>
          <button
            type="button"
            className="btn btn-secondary"
            data-autofocus
            onClick={props.onClose}
          >
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${danger ? "btn-danger" : "btn-primary"}`}
            disabled={pending}
            onClick={props.onConfirm}
          >
            {pending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {props.children}
    </Dialog>
  );
}
