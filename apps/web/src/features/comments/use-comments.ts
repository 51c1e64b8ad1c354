// Reading and writing one post's comments. Every change refetches the comments and the posts
// (their commentCount), so the page shows what the server now holds.
import { trpc } from "../../lib/trpc";
import { useAuth } from "../../lib/use-auth";
import type { Viewer } from "./thread";

const PAGE_SIZE = 50;
const MODERATORS = new Set(["editor", "admin", "owner"]);

export function useComments(postId: number) {
  return trpc.comment.list.useInfiniteQuery(
    { postId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

/** The signed-in person as comments see them; the role comes fresh from user.me. */
export function useViewer(): Viewer | null {
  const session = useAuth();
  const me = trpc.user.me.useQuery(undefined, { enabled: session !== null });
  if (!session) return null;
  const role = me.data?.role ?? session.user.role;
  return { id: session.user.id, moderates: MODERATORS.has(role) };
}

function useRefresh(postId: number) {
  const utils = trpc.useUtils();
  return () => Promise.all([utils.comment.list.invalidate({ postId }), utils.post.invalidate()]);
}

export function useCreateComment(postId: number) {
  const refresh = useRefresh(postId);
  return trpc.comment.create.useMutation({ onSuccess: refresh });
}

export function useUpdateComment(postId: number) {
  const refresh = useRefresh(postId);
  return trpc.comment.update.useMutation({ onSuccess: refresh });
}

export function useDeleteComment(postId: number) {
  const refresh = useRefresh(postId);
  return trpc.comment.delete.useMutation({ onSuccess: refresh });
}
