// A Bootstrap-styled modal on the native <dialog> element: showModal() traps focus, makes the
// page behind inert, closes on Escape and returns focus to the opener, with no Bootstrap JS.
// Initial focus goes to the child marked `data-autofocus` (React's autoFocus focuses on mount,
// before showModal(), which would then move focus to the first control again).
import { type ReactNode, useEffect, useId, useRef } from "react";

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
}

export function Dialog({ open, title, onClose, children, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="app-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
    >
      {open ? (
        <div className="modal-content">
          <div className="modal-header">
            <h2 id={titleId} className="modal-title h5">
              {title}
            </h2>
            <button type="button" className="btn-close" aria-label="Close" onClick={onClose} />
          </div>
          <div id={bodyId} className="modal-body">
            {children}
          </div>
          <div className="modal-footer">{footer}</div>
        </div>
      ) : null}
    </dialog>
  );
}
