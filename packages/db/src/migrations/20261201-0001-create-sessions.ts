// Frozen once released: a change to the schema is a new migration.
// Device sessions (ADR 011): one row per signed-in device; a token is valid only while its row
// lives. Sessions replace users.token_version, which this migration drops.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function createSessions(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("user_id", "integer", (col) =>
          col.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .addColumn("last_seen_at", timestamp, (col) => col.notNull())
        .addColumn("user_agent", "text")
        .addColumn("expires_at", timestamp, (col) => col.notNull())
        .execute();
      // A user's sessions (the account page, "log out others"); the sweep of expired ones.
      await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
      await db.schema
        .createIndex("sessions_expires_idx")
        .on("sessions")
        .column("expires_at")
        .execute();
      await db.schema.alterTable("users").dropColumn("token_version").execute();
    },
    async down(db: Kysely<any>) {
      await db.schema
        .alterTable("users")
        .addColumn("token_version", "integer", (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema.dropTable("sessions").execute();
    },
  };
}
