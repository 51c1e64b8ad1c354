import type { ReactNode } from "react";

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  variant?: string;
}

/** A submit button that is disabled and says what is happening while the request runs. */
export function SubmitButton({
  pending,
  children,
  pendingLabel = "Saving…",
  variant = "primary",
}: SubmitButtonProps) {
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={pending}>
      {pending ? (
        <>
          <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
