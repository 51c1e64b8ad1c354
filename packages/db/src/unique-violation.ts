// Maps a unique-constraint failure from either driver to the field it protects, so a race
// between two writers still ends in a clean CONFLICT rather than a 500.
const FIELD_BY_INDEX: Record<string, "username" | "email" | "role"> = {
  // Two first registrations at once on an empty database: only one becomes the owner.
  users_single_owner: "role",
  // SQLite names a unique index on plain columns by its columns.
  "users.role": "role",
  users_username_lower_unique: "username",
  users_email_unique: "email",
  "users.email": "email",
};

export function uniqueViolationField(error: unknown): "username" | "email" | "role" | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, constraint, message } = error as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  // Postgres: SQLSTATE 23505 with the index name in `constraint`.
  if (code === "23505" && typeof constraint === "string") return FIELD_BY_INDEX[constraint] ?? null;
  // SQLite: "UNIQUE constraint failed: index 'users_username_lower_unique'" or "…: users.email".
  if (code === "SQLITE_CONSTRAINT_UNIQUE" && typeof message === "string") {
    for (const [name, field] of Object.entries(FIELD_BY_INDEX)) {
      if (message.includes(name)) return field;
    }
  }
  return null;
}
