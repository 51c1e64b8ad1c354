// Puts a server refusal onto the form that caused it: field errors on their fields (a taken
// username, a wrong current password), everything else as one form-level message.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { describeError, serverFieldErrors } from "./api-errors";

export const ROOT_ERROR = "root.server" as const;

export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): void {
  let placed = 0;
  for (const [field, messages] of Object.entries(serverFieldErrors(error))) {
    const known = fields.find((name) => name === field);
    if (known && messages[0]) {
      setError(known, { type: "server", message: messages[0] }, { shouldFocus: placed === 0 });
      placed++;
    }
  }
  if (placed === 0) setError(ROOT_ERROR, { type: "server", message: describeError(error) });
}
