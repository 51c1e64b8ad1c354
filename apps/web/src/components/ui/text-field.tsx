import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

interface TextFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  multiline?: boolean;
  hint?: string;
  /** Takes the focus when its dialog opens (see dialog.tsx). */
  dialogAutofocus?: boolean;
}

/** A labelled input whose error is linked with aria-describedby and flagged aria-invalid. */
export function TextField({
  label,
  registration,
  error,
  type = "text",
  autoComplete,
  multiline = false,
  hint,
  dialogAutofocus = false,
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  const shared = {
    id,
    className: `form-control${error ? " is-invalid" : ""}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
    "data-autofocus": dialogAutofocus || undefined,
    ...registration,
  };
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {multiline ? (
        <textarea rows={10} {...shared} />
      ) : (
        <input type={type} autoComplete={autoComplete} {...shared} />
      )}
      {hint ? (
        <div id={hintId} className="form-text">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="invalid-feedback">
          {error}
        </div>
      ) : null}
    </div>
  );
}
