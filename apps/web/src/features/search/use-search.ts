// post.search, page by page; the query is the URL's `q`, so a search can be shared as a link.
import { trpc } from "../../lib/trpc";

const PAGE_SIZE = 10;

export function useSearch(q: string) {
  return trpc.post.search.useInfiniteQuery(
    { q, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

/** The search page's address for `q`. */
export const searchPath = (q: string) => `/search?${new URLSearchParams({ q })}`;
