// Frozen once released: a change to the schema is a new migration.
// Mail (issue 13): whether the current email is confirmed, and single-use account tokens
// (password reset, email confirmation), stored only as SHA-256 hashes.
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function mailTokens(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      // 0 or 1 on both dialects: better-sqlite3 cannot bind booleans, and one type for both
      // keeps the queries free of dialect checks.
      await db.schema
        .alterTable("users")
        .addColumn("email_verified", "integer", (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("account_tokens")
        .addColumn("token_hash", "text", (col) => col.primaryKey())
        .addColumn("user_id", "integer", (col) =>
          col.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (col) => col.notNull())
        // The address the token was issued for: a confirmation never verifies a newer one.
        .addColumn("email", "text", (col) => col.notNull())
        .addColumn("expires_at", timestamp, (col) => col.notNull())
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .execute();
      // One live token per account and kind: issuing deletes the older ones through this index.
      await db.schema
        .createIndex("account_tokens_user_kind_idx")
        .on("account_tokens")
        .columns(["user_id", "kind"])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("account_tokens").execute();
      await db.schema.alterTable("users").dropColumn("email_verified").execute();
    },
  };
}
