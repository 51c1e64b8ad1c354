// post.search (API.md "Search"): public, so it reads for the public audience whoever calls;
// mounted in the post router (posts/router.ts) so it is `post.search` on the wire.
import { type SearchHitRow, searchPosts } from "@folio/db";
import type { Context } from "../context.js";
import { type Page, type SearchHit, toPost } from "../shared/shapes.js";
import { publicProcedure } from "../trpc.js";
import { parseSearchQuery } from "./query-language.js";
import { postSearchInput } from "./schemas.js";
import { decodeSearchCursor, encodeSearchCursor } from "./search-cursor.js";
import { snippetOf } from "./snippet.js";

function toSearchHit(row: SearchHitRow): SearchHit {
  return { ...toPost(row), ...snippetOf(row.content, row.marked_content) };
}

async function searchPage(
  ctx: Context,
  input: { q: string; limit: number; cursor?: string | null | undefined },
): Promise<Page<SearchHit>> {
  const query = parseSearchQuery(input.q);
  const secret = ctx.auth.secret;
  const after = input.cursor ? decodeSearchCursor(secret, query, input.cursor) : undefined;
  const { hits, next } = await searchPosts(ctx.db, { query, limit: input.limit, after });
  return {
    items: hits.map(toSearchHit),
    nextCursor: next ? encodeSearchCursor(secret, query, next) : null,
  };
}

export const searchProcedure = publicProcedure
  .input(postSearchInput)
  .query(({ ctx, input }) => searchPage(ctx, input));
