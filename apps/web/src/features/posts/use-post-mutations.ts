// Writing posts and moving them between states. Every success invalidates the whole cache: the
// feed, the author's page, "My posts", the review queue and the post itself all show the change.
import type { Post } from "@folio/api";
import { trpc } from "../../lib/trpc";

export function useCreatePost() {
  const utils = trpc.useUtils();
  return trpc.post.create.useMutation({ onSuccess: () => utils.invalidate() });
}

export function useUpdatePost() {
  const utils = trpc.useUtils();
  return trpc.post.update.useMutation({ onSuccess: () => utils.invalidate() });
}

type Utils = ReturnType<typeof trpc.useUtils>;

/**
 * A post that changed state: its preview shows the answer at once (the public read may stop or
 * start finding it, see usePost), then everything is read again.
 */
function showMoved(utils: Utils, post: Post) {
  utils.post.preview.setData({ id: post.id }, post);
  return utils.invalidate();
}

export function usePublishPost() {
  const utils = trpc.useUtils();
  return trpc.post.publish.useMutation({ onSuccess: (post) => showMoved(utils, post) });
}

export function useUnpublishPost() {
  const utils = trpc.useUtils();
  return trpc.post.unpublish.useMutation({ onSuccess: (post) => showMoved(utils, post) });
}

export function useSubmitPost() {
  const utils = trpc.useUtils();
  return trpc.post.submit.useMutation({ onSuccess: (post) => showMoved(utils, post) });
}

export function useDeletePost() {
  const utils = trpc.useUtils();
  return trpc.post.delete.useMutation({
    onSuccess: (_result, { id }) => {
      // Everything but the deleted post itself: refetching it would flash a 404 on the page
      // that is about to navigate away. Not awaited, so that navigation happens first.
      void utils.invalidate(undefined, {
        predicate: (query) => !isThePost(query.queryKey, id),
      });
    },
  });
}

/** A cached read of one post, public (`byId`) or not (`preview`). */
function isThePost(queryKey: readonly unknown[], id: number): boolean {
  const [path, options] = queryKey as [string[], { input?: { id?: number } } | undefined];
  const name = path.join(".");
  return (name === "post.byId" || name === "post.preview") && options?.input?.id === id;
}
