import { describeError } from "../../lib/api-errors";

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** A failure in plain words, with a retry button when the caller can try again. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  return (
    <div className="alert alert-danger d-flex flex-wrap align-items-center gap-3" role="alert">
      <div className="flex-grow-1">
        {title ? <strong className="d-block">{title}</strong> : null}
        {describeError(error)}
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
