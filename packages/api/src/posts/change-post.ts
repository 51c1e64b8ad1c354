// A change to a post by someone who may make it, in one transaction with its security event:
// when the caller is not the author (an editor or admin), the author's activity records what
// was done (API.md "Security activity").
import type { Database, PostWithAuthorRow, UserRow } from "@folio/db";
import type { Transaction } from "kysely";
import { originOf, type PostChange, recordPostChangedByOther } from "../activity/index.js";
import type { Context } from "../context.js";

/**
 * Runs `change` on the post in a transaction; when it changed something and the caller is not
 * the author (an editor or admin), the author's activity records it in the same transaction.
 */
export function changePost(
  ctx: Context & { user: UserRow },
  post: PostWithAuthorRow,
  change: (trx: Transaction<Database>) => Promise<PostChange | null>,
): Promise<void> {
  return ctx.db.transaction().execute(async (trx) => {
    const done = await change(trx);
    if (!done) return;
    const author = { id: post.author_id, username: post.author_username };
    const moderated = { id: post.id, title: post.title, author };
    await recordPostChangedByOther(trx, ctx.user, moderated, done, originOf(ctx));
  });
}
