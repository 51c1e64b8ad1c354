// post.*: the public feed and pages, one's own posts, the review queue, and writing and
// publishing under the policy (API.md "Roles", "Posts: drafts, review, scheduling").
import {
  deletePost,
  findUserById,
  insertPost,
  isForeignKeyViolation,
  listAuthorPosts,
  listPendingPosts,
  listPosts,
  type PostWithAuthorRow,
  toIsoString,
  updatePostText,
} from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { hasPermission } from "../policy/roles.js";
import { audienceOf } from "../policy/visibility.js";
import { searchProcedure } from "../search/router.js";
import { unauthenticated } from "../shared/errors.js";
import { keysetPage } from "../shared/keyset-page.js";
import { type Ok, type Page, type Post, toPost } from "../shared/shapes.js";
import { permittedProcedure, protectedProcedure, publicProcedure, router } from "../trpc.js";
import { changePost } from "./change-post.js";
import { loadPostFor, loadPublicPost, loadVisiblePost, postNotFound } from "./load-post.js";
import { publishPost, submitPost, unpublishPost } from "./publication.js";
import {
  postByIdInput,
  postByUserInput,
  postCreateInput,
  postDeleteInput,
  postListInput,
  postMineInput,
  postPreviewInput,
  postPublishInput,
  postReviewInput,
  postSubmitInput,
  postUnpublishInput,
  postUpdateInput,
} from "./schemas.js";

const byPublishedAt = (row: PostWithAuthorRow) => ({
  at: toIsoString(row.published_at ?? row.created_at),
  id: row.id,
});
const byCreatedAt = (row: PostWithAuthorRow) => ({ at: toIsoString(row.created_at), id: row.id });

/** Published posts, newest `publishedAt` first: the feed, or one author's. */
function publicPage(
  ctx: Context,
  request: { limit: number; cursor?: string | null | undefined; authorId?: number },
): Promise<Page<Post>> {
  return keysetPage(
    ctx.auth.secret,
    request,
    (after, limit) => listPosts(ctx.db, { limit, after, authorId: request.authorId }),
    byPublishedAt,
    toPost,
  );
}

/** The post as its caller may now see it (after a change; it is theirs or they moderate). */
async function reload(ctx: Context, user: Parameters<typeof loadVisiblePost>[1], id: number) {
  return toPost(await loadVisiblePost(ctx, user, id));
}

export const postRouter = router({
  list: publicProcedure
    .input(postListInput)
    .query(({ ctx, input }) =>
      publicPage(ctx, { limit: input?.limit ?? 10, cursor: input?.cursor }),
    ),

  byUser: publicProcedure.input(postByUserInput).query(async ({ ctx, input }) => {
    if (!(await findUserById(ctx.db, input.userId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "User not found." });
    }
    return publicPage(ctx, { limit: input.limit, cursor: input.cursor, authorId: input.userId });
  }),

  byId: publicProcedure
    .input(postByIdInput)
    .query(async ({ ctx, input }) => toPost(await loadPublicPost(ctx, input.id))),

  // The search capability lives in search/; it is a post.* procedure on the wire.
  search: searchProcedure,

  preview: protectedProcedure
    .input(postPreviewInput)
    .query(async ({ ctx, input }) => toPost(await loadVisiblePost(ctx, ctx.user, input.id))),

  mine: protectedProcedure.input(postMineInput).query(({ ctx, input }) =>
    keysetPage(
      ctx.auth.secret,
      { limit: input?.limit ?? 10, cursor: input?.cursor },
      (after, limit) =>
        listAuthorPosts(ctx.db, {
          authorId: ctx.user.id,
          audience: audienceOf(ctx.user),
          state: input?.status,
          limit,
          after,
        }),
      byCreatedAt,
      toPost,
    ),
  ),

  review: permittedProcedure("post.moderate")
    .input(postReviewInput)
    .query(({ ctx, input }) =>
      keysetPage(
        ctx.auth.secret,
        { limit: input?.limit ?? 10, cursor: input?.cursor },
        (after, limit) =>
          listPendingPosts(ctx.db, { audience: audienceOf(ctx.user), limit, after }),
        byCreatedAt,
        toPost,
      ),
    ),

  create: permittedProcedure("post.write")
    .input(postCreateInput)
    .mutation(async ({ ctx, input }) => {
      if (input.status === "published" && !hasPermission(ctx.user.role, "post.publishOwn")) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Contributors can't publish: save a draft or submit it for review.",
        });
      }
      // The author is always the current user, never anything from input. If the account was
      // deleted since the token was checked, the user is gone: UNAUTHORIZED, not a 500.
      const id = await insertPost(ctx.db, {
        authorId: ctx.user.id,
        title: input.title,
        content: input.content,
        status: input.status,
        publishedAt: input.publishAt ?? null,
      }).catch((error) => {
        if (isForeignKeyViolation(error)) throw unauthenticated();
        throw error;
      });
      return reload(ctx, ctx.user, id);
    }),

  update: protectedProcedure.input(postUpdateInput).mutation(async ({ ctx, input }) => {
    const post = await loadPostFor(ctx, ctx.user, input.id, "update");
    // The write repeats what the decision rested on (author, stored state), so a post that
    // was published or deleted in between is not touched.
    await changePost(ctx, post, async (trx) => {
      const text = { title: input.title, content: input.content };
      if (!(await updatePostText(trx, post, text))) throw postNotFound();
      return "updated";
    });
    return reload(ctx, ctx.user, input.id);
  }),

  publish: protectedProcedure.input(postPublishInput).mutation(async ({ ctx, input }) => {
    const post = await loadPostFor(ctx, ctx.user, input.id, "publish");
    await changePost(ctx, post, (trx) => publishPost(trx, post, input.publishAt));
    return reload(ctx, ctx.user, input.id);
  }),

  unpublish: protectedProcedure.input(postUnpublishInput).mutation(async ({ ctx, input }) => {
    const post = await loadPostFor(ctx, ctx.user, input.id, "unpublish");
    await changePost(ctx, post, (trx) => unpublishPost(trx, post));
    return reload(ctx, ctx.user, input.id);
  }),

  submit: protectedProcedure.input(postSubmitInput).mutation(async ({ ctx, input }) => {
    const post = await loadPostFor(ctx, ctx.user, input.id, "submit");
    await submitPost(ctx.db, post);
    return reload(ctx, ctx.user, input.id);
  }),

  delete: protectedProcedure
    .input(postDeleteInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      const post = await loadPostFor(ctx, ctx.user, input.id, "delete");
      await changePost(ctx, post, async (trx) => {
        if (!(await deletePost(trx, input.id))) throw postNotFound();
        return "deleted";
      });
      return { ok: true };
    }),
});
