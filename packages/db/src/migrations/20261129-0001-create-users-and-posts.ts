// Frozen once released: a change to the schema is a new migration.
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function createUsersAndPosts(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "integer", (col) =>
          dialect === "sqlite"
            ? col.primaryKey().autoIncrement()
            : col.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn("username", "text", (col) => col.notNull())
        .addColumn("email", "text", (col) => col.notNull())
        .addColumn("password_hash", "text", (col) => col.notNull())
        .addColumn("image_url", "text")
        .addColumn("token_version", "integer", (col) => col.notNull().defaultTo(0))
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .execute();
      // Usernames are unique ignoring case; emails are stored lower-case.
      await db.schema
        .createIndex("users_username_lower_unique")
        .on("users")
        .unique()
        .expression(sql`lower(username)`)
        .execute();
      await db.schema
        .createIndex("users_email_unique")
        .on("users")
        .unique()
        .column("email")
        .execute();

      await db.schema
        .createTable("posts")
        .addColumn("id", "integer", (col) =>
          dialect === "sqlite"
            ? col.primaryKey().autoIncrement()
            : col.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn("author_id", "integer", (col) =>
          col.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (col) => col.notNull())
        .addColumn("content", "text", (col) => col.notNull())
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .addColumn("updated_at", timestamp, (col) => col.notNull())
        .execute();
      // Keyset pagination walks these indexes backwards: the feed, and one author's page.
      await db.schema
        .createIndex("posts_feed_idx")
        .on("posts")
        .columns(["created_at", "id"])
        .execute();
      await db.schema
        .createIndex("posts_author_feed_idx")
        .on("posts")
        .columns(["author_id", "created_at", "id"])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("posts").execute();
      await db.schema.dropTable("users").execute();
    },
  };
}
