// Frozen once released: a change to the schema is a new migration.
// Security activity and the mail outbox (issue 24, ADR 020). audit_events is append-only and
// has no foreign key: an event outlives the accounts and posts it names (it keeps copies of
// their names). mail_outbox holds each message from the transaction that caused it until it
// is sent; a message for an account goes with the account.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function auditAndOutbox(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("audit_events")
        // A UUIDv7: ordered by the time it embeds (= `at`), so pages walk the primary key.
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("at", timestamp, (col) => col.notNull())
        .addColumn("action", "text", (col) => col.notNull())
        .addColumn("actor_id", "integer")
        .addColumn("actor_username", "text")
        .addColumn("subject_id", "integer")
        .addColumn("subject_username", "text")
        .addColumn("target_type", "text")
        .addColumn("target_id", "text")
        .addColumn("target_label", "text")
        .addColumn("ip", "text")
        .addColumn("user_agent", "text")
        .execute();
      // One account's activity (as subject, as actor), one kind of event, newest first.
      await db.schema
        .createIndex("audit_events_subject_idx")
        .on("audit_events")
        .columns(["subject_id", "id"])
        .execute();
      await db.schema
        .createIndex("audit_events_actor_idx")
        .on("audit_events")
        .columns(["actor_id", "id"])
        .execute();
      await db.schema
        .createIndex("audit_events_action_idx")
        .on("audit_events")
        .columns(["action", "id"])
        .execute();
      // The retention sweep.
      await db.schema.createIndex("audit_events_at_idx").on("audit_events").column("at").execute();

      await db.schema
        .createTable("mail_outbox")
        .addColumn("id", "text", (col) => col.primaryKey())
        .addColumn("kind", "text", (col) => col.notNull())
        .addColumn("recipient", "text", (col) => col.notNull())
        .addColumn("user_id", "integer", (col) => col.references("users.id").onDelete("cascade"))
        // Null while the message is still a request to prepare (a password reset: ADR 020).
        .addColumn("subject", "text")
        .addColumn("text_body", "text")
        .addColumn("html_body", "text")
        // Who asked for a reset, for its security event; cleared once it is prepared.
        .addColumn("requested_ip", "text")
        .addColumn("requested_user_agent", "text")
        .addColumn("created_at", timestamp, (col) => col.notNull())
        // With its token: an unsent message whose link no longer works is deleted.
        .addColumn("expires_at", timestamp, (col) => col.notNull())
        .addColumn("next_attempt_at", timestamp, (col) => col.notNull())
        .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
        // The process sending it, until claimed_until; then anyone may take it over.
        .addColumn("claimed_by", "text")
        .addColumn("claimed_until", timestamp)
        .execute();
      await db.schema
        .createIndex("mail_outbox_due_idx")
        .on("mail_outbox")
        .column("next_attempt_at")
        .execute();
      await db.schema
        .createIndex("mail_outbox_expires_idx")
        .on("mail_outbox")
        .column("expires_at")
        .execute();
      await db.schema
        .createIndex("mail_outbox_user_idx")
        .on("mail_outbox")
        .column("user_id")
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("mail_outbox").execute();
      await db.schema.dropTable("audit_events").execute();
    },
  };
}
