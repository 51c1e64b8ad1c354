// Minimal valid rows, written straight through Kysely (below the API's rules).
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

const now = () => new Date().toISOString();

export function insertUserRow(
  db: Kysely<Database>,
  username: string,
  email = `${username}@x.test`,
) {
  return db
    .insertInto("users")
    .values({ username, email, password_hash: "hash", image_url: null, created_at: now() })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function insertPostRow(db: Kysely<Database>, authorId: number, title = "t") {
  return db
    .insertInto("posts")
    .values({
      author_id: authorId,
      title,
      content: "c",
      created_at: now(),
      updated_at: now(),
      published_at: now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
