// Deleting comments by API.md's rules: a comment that still has replies stays as a placeholder
// (body emptied, author forgotten), one without replies is gone, and a placeholder whose last
// reply goes is gone too. Replies never have replies (two levels), so a reply is always removed.
import type { ExpressionBuilder, Kysely } from "kysely";
import { inTransaction } from "./in-transaction.js";
import type { Database } from "./schema.js";

type Comments = ExpressionBuilder<Database, "comments">;

const hasReplies = (eb: Comments) =>
  eb.exists(
    eb
      .selectFrom("comments as replies")
      .select("replies.id")
      .whereRef("replies.parent_id", "=", "comments.id"),
  );

const placeholder = () => ({
  deleted_at: new Date().toISOString(),
  body: "",
  author_id: null,
  edited_at: null,
});

/**
 * Deletes one comment that is not deleted yet (the caller checked who may); false when it was
 * already deleted or gone. Each step is conditional on what it rests on, so a reply written or
 * removed meanwhile never loses a comment that has replies, nor keeps one that has none.
 */
export function deleteComment(db: Kysely<Database>, id: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("comments")
      .select(["id", "parent_id"])
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) return false;
    if (row.parent_id !== null) {
      await trx.deleteFrom("comments").where("id", "=", id).execute();
      await trx
        .deleteFrom("comments")
        .where("id", "=", row.parent_id)
        .where("deleted_at", "is not", null)
        .where((eb) => eb.not(hasReplies(eb)))
        .execute();
      return true;
    }
    const gone = await trx
      .deleteFrom("comments")
      .where("id", "=", id)
      .where((eb) => eb.not(hasReplies(eb)))
      .executeTakeFirst();
    if (gone.numDeletedRows > 0n) return true;
    const kept = await trx
      .updateTable("comments")
      .set(placeholder())
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return kept.numUpdatedRows > 0n;
  });
}

/**
 * Deletes every comment of an account as deleteComment would, in a few set-based statements
 * (before the account goes: users.ts deleteUser). Runs in the caller's transaction, if any.
 */
export function deleteCommentsOf(db: Kysely<Database>, authorId: number): Promise<void> {
  return inTransaction(db, async (trx) => {
    // Placeholders answered by this author alone: they go, and their replies with them.
    await trx
      .deleteFrom("comments")
      .where("deleted_at", "is not", null)
      .where("id", "in", (eb) =>
        eb
          .selectFrom("comments as mine")
          .select("mine.parent_id")
          .where("mine.author_id", "=", authorId)
          .where("mine.parent_id", "is not", null),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("comments as others")
              .select("others.id")
              .whereRef("others.parent_id", "=", "comments.id")
              .where((o) =>
                o.or([o("others.author_id", "is", null), o("others.author_id", "<>", authorId)]),
              ),
          ),
        ),
      )
      .execute();
    await trx
      .deleteFrom("comments")
      .where("author_id", "=", authorId)
      .where("parent_id", "is not", null)
      .execute();
    // Their top-level comments: placeholders where others answered, else gone.
    await trx
      .updateTable("comments")
      .set(placeholder())
      .where("author_id", "=", authorId)
      .where("deleted_at", "is", null)
      .where(hasReplies)
      .execute();
    await trx.deleteFrom("comments").where("author_id", "=", authorId).execute();
  });
}
