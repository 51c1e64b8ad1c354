// Frozen once released: a change to the schema is a new migration.
// Profile pictures live in the database (ADR 013): one row per user, its bytes a blob (SQLite)
// or bytea (Postgres), keyed by a random id that is part of the picture's URL.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function createPictures(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  const bytes = dialect === "sqlite" ? "blob" : "bytea";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("pictures")
        .addColumn("id", "text", (col) => col.primaryKey())
        // One picture per user; it goes with its user (ON DELETE CASCADE).
        .addColumn("user_id", "integer", (col) =>
          col.notNull().unique().references("users.id").onDelete("cascade"),
        )
        .addColumn("bytes", bytes, (col) => col.notNull())
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("pictures").execute();
    },
  };
}
