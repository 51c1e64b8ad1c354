// Reading posts: the feed, one author's posts, one post. Pages come through the API's cursor.
import type { Page, Post } from "@folio/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "../../lib/trpc";

const PAGE_SIZE = 10;

// Not tRPC's own `useInfiniteQuery`: it adds `direction` (and `cursor: null`) to the input,
// and the API rejects unknown keys (API.md). This sends exactly `{ limit, cursor? }`, under
// tRPC's query key, so `utils.invalidate()` refreshes these lists like any other query.
function useCursorPages(queryKey: unknown[], fetchPage: (cursor?: string) => Promise<Page<Post>>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useFeed() {
  const { client } = trpc.useUtils();
  const input = { limit: PAGE_SIZE };
  return useCursorPages(getQueryKey(trpc.post.list, input, "infinite"), (cursor) =>
    client.post.list.query({ ...input, ...(cursor ? { cursor } : {}) }),
  );
}

export function usePostsByUser(userId: number) {
  const { client } = trpc.useUtils();
  const input = { userId, limit: PAGE_SIZE };
  return useCursorPages(getQueryKey(trpc.post.byUser, input, "infinite"), (cursor) =>
    client.post.byUser.query({ ...input, ...(cursor ? { cursor } : {}) }),
  );
}

export function usePost(id: number) {
  return trpc.post.byId.useQuery({ id });
}

export function useUser(id: number) {
  return trpc.user.byId.useQuery({ id });
}

/** A route's `:id` as a positive whole number, or null when it cannot be an id at all. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
