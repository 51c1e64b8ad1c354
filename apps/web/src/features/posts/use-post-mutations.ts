// Writing posts. Every success invalidates the whole cache: the feed, the author's page and
// the post itself all show the change at once.
import { trpc } from "../../lib/trpc";

export function useCreatePost() {
  const utils = trpc.useUtils();
  return trpc.post.create.useMutation({ onSuccess: () => utils.invalidate() });
}

export function useUpdatePost() {
  const utils = trpc.useUtils();
  return trpc.post.update.useMutation({ onSuccess: () => utils.invalidate() });
}

export function useDeletePost() {
  const utils = trpc.useUtils();
  return trpc.post.delete.useMutation({
    onSuccess: (_result, { id }) => {
      // Everything but the deleted post itself: refetching it would flash a 404 on the page
      // that is about to navigate away. Not awaited, so that navigation happens first.
      void utils.invalidate(undefined, {
        predicate: (query) => !isPostById(query.queryKey, id),
      });
    },
  });
}

function isPostById(queryKey: readonly unknown[], id: number): boolean {
  const [path, options] = queryKey as [string[], { input?: { id?: number } } | undefined];
  return path.join(".") === "post.byId" && options?.input?.id === id;
}
