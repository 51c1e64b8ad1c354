// Reading posts: the feed, one author's posts, one post. Pages come through the API's cursor.
import { trpc } from "../../lib/trpc";

const PAGE_SIZE = 10;

export function useFeed() {
  return trpc.post.list.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

export function usePostsByUser(userId: number) {
  return trpc.post.byUser.useInfiniteQuery(
    { userId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
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
