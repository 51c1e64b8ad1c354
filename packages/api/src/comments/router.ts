// comment.*: a published post's comments for anyone, and writing, editing and deleting them
// under the policy (API.md "Comments"; who may do what is policy/can.ts, where a comment may go
// is thread.ts, the placeholder rules are @folio/db's comment-deletion.ts).
import {
  deleteComment,
  findPostById,
  listComments,
  toIsoString,
  updateCommentBody,
} from "@folio/db";
import { TRPCError } from "@trpc/server";
import { named, originOf, recordCommentDeletedByOther } from "../activity/index.js";
import type { Context } from "../context.js";
import { keysetPage } from "../shared/keyset-page.js";
import { type Comment, type Ok, type Page, toComment } from "../shared/shapes.js";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";
import { commentNotFound, loadCommentFor, loadVisibleComment } from "./load-comment.js";
import {
  commentCreateInput,
  commentDeleteInput,
  commentListInput,
  commentUpdateInput,
} from "./schemas.js";
import { placeComment, writeComment } from "./thread.js";

/** The comment as anyone may now read it (after a change). */
async function reload(ctx: Context, id: number): Promise<Comment> {
  return toComment(await loadVisibleComment(ctx, id));
}

export const commentRouter = router({
  list: publicProcedure.input(commentListInput).query(async ({ ctx, input }) => {
    const now = new Date().toISOString();
    // A post that is not published has no comments to show: it does not exist (NOT_FOUND).
    if (!(await findPostById(ctx.db, input.postId, now))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
    }
    return keysetPage(
      ctx.auth.secret,
      input,
      (after, limit) => listComments(ctx.db, { postId: input.postId, limit, after, now }),
      (row) => ({ at: toIsoString(row.created_at), id: row.id }),
      toComment,
    ) satisfies Promise<Page<Comment>>;
  }),

  create: protectedProcedure.input(commentCreateInput).mutation(async ({ ctx, input }) => {
    const place = await placeComment(ctx.db, ctx.user, input);
    // Counted once the comment may go there: a refused attempt costs nothing.
    await ctx.limits.beginComment(ctx.user.id);
    return reload(ctx, await writeComment(ctx.db, ctx.user, input, place));
  }),

  update: protectedProcedure.input(commentUpdateInput).mutation(async ({ ctx, input }) => {
    await loadCommentFor(ctx, ctx.user, input.id, "update");
    // The author and "not deleted" are repeated in the write: a comment deleted in between
    // is not brought back.
    if (!(await updateCommentBody(ctx.db, { id: input.id, authorId: ctx.user.id }, input.body))) {
      throw commentNotFound();
    }
    return reload(ctx, input.id);
  }),

  delete: protectedProcedure
    .input(commentDeleteInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      const comment = await loadCommentFor(ctx, ctx.user, input.id, "delete");
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await deleteComment(trx, input.id))) throw commentNotFound();
        // The post's author or an editor deleting someone's words: that person is told.
        if (comment.author_id !== null && comment.author_username !== null) {
          const author = { id: comment.author_id, username: comment.author_username };
          const moderated = { id: comment.id, author, postTitle: comment.post_title };
          await recordCommentDeletedByOther(trx, named(ctx.user), moderated, originOf(ctx));
        }
      });
      return { ok: true };
    }),
});
