// Reading posts: the feed, one author's posts, one's own in every state, one post. Pages come
// through the API's cursor.
import { errorCode } from "../../lib/api-errors";
import { trpc } from "../../lib/trpc";
import { useAuth } from "../../lib/use-auth";
import type { PostStatus } from "./post-status";

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

/** The caller's own posts, newest first, in every state or in one. */
export function useMyPosts(status: PostStatus | undefined) {
  return trpc.post.mine.useInfiniteQuery(
    { status, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

/**
 * One post as the caller may see it: the public read first (it needs no session, so a visitor
 * with an expired one still reads published posts); when that finds nothing and someone is
 * signed in, the preview, which also returns their own drafts and, for editors, anyone's.
 */
export function usePost(id: number) {
  const signedIn = useAuth() !== null;
  const published = trpc.post.byId.useQuery({ id });
  const previewed = trpc.useUtils().post.preview.getData({ id }) !== undefined;
  // Not public: the public read says so, or it is asking again (a refetch of a read that never
  // found the post starts over as pending) while the preview already shows it.
  const hidden =
    errorCode(published.error) === "NOT_FOUND" || (published.data === undefined && previewed);
  const preview = trpc.post.preview.useQuery({ id }, { enabled: hidden && signedIn });
  return hidden && signedIn ? preview : published;
}

/** One post in any state the caller may see (the editor's read: drafts are edited too). */
export function usePostToEdit(id: number) {
  return trpc.post.preview.useQuery({ id });
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
