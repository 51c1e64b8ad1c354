// The moves of one post from its page (publish, schedule, submit, back to draft, delete), with
// what each leaves on screen: a notice on success, a refusal (403) for its dialog, any other
// failure for the page or for the dialog it came from.
import type { Post } from "@folio/api";
import type { Viewer } from "@folio/api/policy";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorCode } from "../../lib/api-errors";
import { withNotice } from "../../lib/notice";
import { formatWhen } from "./post-status";
import {
  useDeletePost,
  usePublishPost,
  useSubmitPost,
  useUnpublishPost,
} from "./use-post-mutations";

export type Confirming = "delete" | "unpublish" | "schedule" | null;

export function usePostMoves(post: Post, viewer: Viewer | null) {
  const navigate = useNavigate();
  const publish = usePublishPost();
  const unpublish = useUnpublishPost();
  const submit = useSubmitPost();
  const remove = useDeletePost();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const own = viewer?.id === post.author.id;
  const busy = publish.isPending || unpublish.isPending || submit.isPending || remove.isPending;
  const start = () => {
    setNotice(null);
    setFailure(null);
  };
  /** A refusal goes to its dialog; any other failure stays on the page (or in the open dialog). */
  const fail = (error: unknown, inDialog = false) => {
    if (errorCode(error) === "FORBIDDEN") {
      setConfirming(null);
      setRefusal(error);
    } else if (!inDialog) setFailure(error);
  };
  const done = (text: string) => {
    setConfirming(null);
    setNotice(text);
  };

  const publishNow = () => {
    start();
    publish.mutate(
      { id: post.id },
      { onSuccess: () => done("The post is published."), onError: (error) => fail(error) },
    );
  };
  const schedule = (publishAt: string) =>
    publish.mutateAsync({ id: post.id, publishAt }).then(
      (moved) => done(`The post is scheduled for ${formatWhen(moved.publishedAt ?? publishAt)}.`),
      (error: unknown) => {
        fail(error, true);
        throw error;
      },
    );
  const sendForReview = () => {
    start();
    submit.mutate(
      { id: post.id },
      {
        onSuccess: () => done("Submitted for review. An editor will publish it or send it back."),
        onError: (error) => fail(error),
      },
    );
  };
  const backToDraft = () =>
    unpublish.mutate(
      { id: post.id },
      {
        onSuccess: () => {
          // An editor done with someone's submission goes back to the queue.
          if (post.status === "pending" && !own) {
            void navigate("/review", withNotice(`“${post.title}” is back to draft.`));
          } else done("The post is back to draft. Only its author and editors can see it.");
        },
        onError: (error) => fail(error, true),
      },
    );
  const deleteForGood = () =>
    remove.mutate(
      { id: post.id },
      {
        onSuccess: () =>
          void navigate("/", withNotice(own ? "Your post was deleted." : "The post was deleted.")),
        onError: (error) => fail(error, true),
      },
    );
  const open = (which: Confirming) => {
    start();
    publish.reset();
    unpublish.reset();
    remove.reset();
    setConfirming(which);
  };
  return {
    publish,
    unpublish,
    submit,
    remove,
    busy,
    confirming,
    open,
    close: () => setConfirming(null),
    notice,
    failure,
    refusal,
    clearRefusal: () => setRefusal(null),
    publishNow,
    schedule,
    sendForReview,
    backToDraft,
    deleteForGood,
  };
}
