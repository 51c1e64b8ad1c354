import {
  deleteOwnedPost,
  type FeedPosition,
  findPostById,
  findUserById,
  insertPost,
  isForeignKeyViolation,
  listPosts,
  type PostWithAuthorRow,
  toIsoString,
  updateOwnedPost,
} from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { loadOwnedPost } from "../policy/ownership.js";
import {
  postByIdInput,
  postByUserInput,
  postCreateInput,
  postDeleteInput,
  postListInput,
  postUpdateInput,
} from "../schemas.js";
import { decodeCursor, encodeCursor } from "../shared/cursor.js";
import { unauthenticated } from "../shared/errors.js";
import { type Ok, type Page, type Post, toPost } from "../shared/shapes.js";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";

const postGone = () => new TRPCError({ code: "NOT_FOUND", message: "Post not found." });

async function loadPost(ctx: Context, id: number): Promise<Post> {
  const row = await findPostById(ctx.db, id);
  if (!row) throw postGone();
  return toPost(row);
}

interface PageRequest {
  limit: number;
  cursor?: string | null | undefined;
  authorId?: number;
}

/** Keyset pagination: one extra row tells whether another page exists. */
async function loadPage(ctx: Context, request: PageRequest): Promise<Page<Post>> {
  const after = request.cursor ? decodeCursor(ctx.auth.secret, request.cursor) : undefined;
  const rows = await listPosts(ctx.db, {
    limit: request.limit + 1,
    after,
    authorId: request.authorId,
  });
  const items = rows.slice(0, request.limit);
  const last: PostWithAuthorRow | undefined = items[items.length - 1];
  const position: FeedPosition | undefined =
    rows.length > request.limit && last
      ? { createdAt: toIsoString(last.created_at), id: last.id }
      : undefined;
  return {
    items: items.map(toPost),
    nextCursor: position ? encodeCursor(ctx.auth.secret, position) : null,
  };
}

export const postRouter = router({
  list: publicProcedure
    .input(postListInput)
    .query(({ ctx, input }) => loadPage(ctx, { limit: input?.limit ?? 10, cursor: input?.cursor })),

  byUser: publicProcedure.input(postByUserInput).query(async ({ ctx, input }) => {
    if (!(await findUserById(ctx.db, input.userId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "User not found." });
    }
    return loadPage(ctx, { limit: input.limit, cursor: input.cursor, authorId: input.userId });
  }),

  byId: publicProcedure.input(postByIdInput).query(({ ctx, input }) => loadPost(ctx, input.id)),

  create: protectedProcedure.input(postCreateInput).mutation(async ({ ctx, input }) => {
    // The author is always the current user, never anything from input. If the account was
    // deleted since the token was checked, the user is gone: UNAUTHORIZED, not a 500.
    const id = await insertPost(ctx.db, { ...input, authorId: ctx.user.id }).catch((error) => {
      if (isForeignKeyViolation(error)) throw unauthenticated();
      throw error;
    });
    return loadPost(ctx, id);
  }),

  update: protectedProcedure.input(postUpdateInput).mutation(async ({ ctx, input }) => {
    await loadOwnedPost(ctx, input.id, ctx.user.id);
    const { title, content } = input;
    // The write repeats the owner condition, so a post that changed hands or vanished in
    // between is never touched.
    if (!(await updateOwnedPost(ctx.db, input.id, ctx.user.id, { title, content }))) {
      throw postGone();
    }
    return loadPost(ctx, input.id);
  }),

  delete: protectedProcedure
    .input(postDeleteInput)
    .mutation(async ({ ctx, input }): Promise<Ok> => {
      await loadOwnedPost(ctx, input.id, ctx.user.id);
      if (!(await deleteOwnedPost(ctx.db, input.id, ctx.user.id))) throw postGone();
      return { ok: true };
    }),
});
