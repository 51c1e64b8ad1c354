// Frozen once released: a change to the schema is a new migration.
// Comments (API.md "Comments"): two levels, a placeholder for a deleted comment that still has
// replies. A comment goes with its post (ON DELETE CASCADE); an author's account deletion turns
// their comments into placeholders or removes them first (users.ts), so `author_id` only falls
// back to SET NULL, never takes other people's replies with it.
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function createComments(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("comments")
        .addColumn("id", "integer", (col) =>
          dialect === "sqlite"
            ? col.primaryKey().autoIncrement()
            : col.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn("post_id", "integer", (col) =>
          col.notNull().references("posts.id").onDelete("cascade"),
        )
        // Null for a comment on the post; else a top-level comment of the same post.
        .addColumn("parent_id", "integer", (col) =>
          col.references("comments.id").onDelete("cascade"),
        )
        // Null once deleted (a placeholder names nobody).
        .addColumn("author_id", "integer", (col) => col.references("users.id").onDelete("set null"))
        .addColumn("body", "text", (col) => col.notNull())
        .addColumn("created_at", timestamp, (col) => col.notNull())
        .addColumn("edited_at", timestamp)
        // Set on a placeholder: deleted, kept because replies hang on it.
        .addColumn("deleted_at", timestamp)
        .execute();
      // A post's comments, oldest first: comment.list walks it forwards from a keyset position.
      await db.schema
        .createIndex("comments_post_idx")
        .on("comments")
        .columns(["post_id", "created_at", "id"])
        .execute();
      // commentCount: the live comments of one post, counted inside the index alone (SQLite
      // counts a partial index as covering only when it holds the columns its WHERE names).
      await db.schema
        .createIndex("comments_live_count_idx")
        .on("comments")
        .columns(["post_id", "deleted_at"])
        .where(sql.ref("deleted_at"), "is", null)
        .execute();
      // Whether a comment has replies; the cascade from a parent.
      await db.schema
        .createIndex("comments_parent_idx")
        .on("comments")
        .column("parent_id")
        .execute();
      // An account's comments, when the account is deleted.
      await db.schema
        .createIndex("comments_author_idx")
        .on("comments")
        .column("author_id")
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("comments").execute();
    },
  };
}
