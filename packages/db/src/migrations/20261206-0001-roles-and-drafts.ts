// Frozen once released: a change to the schema is a new migration.
// Roles and drafts (API.md "Roles", "Posts: drafts, review, scheduling"). Existing databases:
// the oldest account becomes the owner and every other one an author; every existing post is
// published at its creation time, so nothing that was visible disappears.
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

export function rolesAndDrafts(dialect: DialectName): Migration {
  const timestamp = dialect === "sqlite" ? "text" : "timestamptz";
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("users")
        .addColumn("role", "text", (col) =>
          col
            .notNull()
            .defaultTo("author")
            .check(sql`role in ('reader', 'contributor', 'author', 'editor', 'admin', 'owner')`),
        )
        .execute();
      // Set while suspended: every token is refused and login says so.
      await db.schema.alterTable("users").addColumn("suspended_at", timestamp).execute();
      // Written with a session's last-seen time (once a minute at most): the admin list shows it.
      await db.schema.alterTable("users").addColumn("last_seen_at", timestamp).execute();
      await sql`update users set role = 'owner'
        where id = (select id from users order by created_at, id limit 1)`.execute(db);
      // There is never more than one owner: a second is a unique violation, whoever tries.
      await db.schema
        .createIndex("users_single_owner")
        .on("users")
        .column("role")
        .unique()
        .where(sql.ref("role"), "=", sql.lit("owner"))
        .execute();
      // The admin list pages newest first.
      await db.schema
        .createIndex("users_created_idx")
        .on("users")
        .columns(["created_at", "id"])
        .execute();

      await db.schema
        .alterTable("posts")
        .addColumn("status", "text", (col) =>
          col
            .notNull()
            .defaultTo("published")
            .check(sql`status in ('draft', 'pending', 'published')`),
        )
        .execute();
      // Null for drafts and pending posts; in the future for a scheduled post.
      await db.schema.alterTable("posts").addColumn("published_at", timestamp).execute();
      await sql`update posts set published_at = created_at`.execute(db);
      // Public lists walk these backwards from now: the feed and one author's published posts
      // (status first, so an equality on it and a range on the rest stay O(page)).
      await db.schema
        .createIndex("posts_public_feed_idx")
        .on("posts")
        .columns(["status", "published_at", "id"])
        .execute();
      await db.schema
        .createIndex("posts_author_public_feed_idx")
        .on("posts")
        .columns(["author_id", "status", "published_at", "id"])
        .execute();
      // The review queue (pending, oldest first); "my posts" keeps posts_author_feed_idx.
      await db.schema
        .createIndex("posts_status_created_idx")
        .on("posts")
        .columns(["status", "created_at", "id"])
        .execute();
      await db.schema.dropIndex("posts_feed_idx").execute();
    },
    async down(db: Kysely<any>) {
      await db.schema
        .createIndex("posts_feed_idx")
        .on("posts")
        .columns(["created_at", "id"])
        .execute();
      for (const index of [
        "posts_status_created_idx",
        "posts_author_public_feed_idx",
        "posts_public_feed_idx",
        "users_created_idx",
        "users_single_owner",
      ]) {
        await db.schema.dropIndex(index).execute();
      }
      await db.schema.alterTable("posts").dropColumn("published_at").execute();
      await db.schema.alterTable("posts").dropColumn("status").execute();
      await db.schema.alterTable("users").dropColumn("last_seen_at").execute();
      await db.schema.alterTable("users").dropColumn("suspended_at").execute();
      await db.schema.alterTable("users").dropColumn("role").execute();
    },
  };
}
