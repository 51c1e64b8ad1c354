// Recognises a foreign-key failure from either driver: a row written for a parent that was
// deleted meanwhile (a post created while its author deletes the account).
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code } = error as { code?: unknown };
  // Postgres SQLSTATE 23503; better-sqlite3's extended result code.
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
