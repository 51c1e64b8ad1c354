// The post page's buttons: what the viewer's role allows on this post in its state (see
// post-actions.ts), each move with its wait, its confirmation where it hides the post, and the
// server's answer in words: a refusal (403) in a dialog, anything else in an alert.
import type { Post } from "@folio/api";
import type { Viewer } from "@folio/api/policy";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { errorCode } from "../../lib/api-errors";
import { withNotice } from "../../lib/notice";
import { DeletePostDialog } from "./delete-post-dialog";
import { NotAuthorizedDialog } from "./not-authorized-dialog";
import { offeredActions } from "./post-actions";
import { formatWhen } from "./post-status";
import { ScheduleDialog } from "./schedule-dialog";
import { UnpublishDialog } from "./unpublish-dialog";
import {
  useDeletePost,
  usePublishPost,
  useSubmitPost,
  useUnpublishPost,
} from "./use-post-mutations";

type Confirming = "delete" | "unpublish" | "schedule" | null;

export function PostActionsBar({ post, viewer }: { post: Post; viewer: Viewer | null }) {
  const navigate = useNavigate();
  const publish = usePublishPost();
  const unpublish = useUnpublishPost();
  const submit = useSubmitPost();
  const remove = useDeletePost();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const offered = offeredActions(viewer, post);

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
  const label = (pending: boolean, idle: string, working: string) => (pending ? working : idle);

  return (
    <>
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      {failure ? <ErrorAlert error={failure} title="That didn't work." /> : null}
      <div className="d-flex flex-wrap gap-2 mb-4" hidden={offered.size === 0}>
        {offered.has("edit") ? (
          <Link to={`/posts/${post.id}/edit`} className="btn btn-outline-primary btn-sm">
            Edit
          </Link>
        ) : null}
        {offered.has("submit") ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={busy}
            onClick={sendForReview}
          >
            {label(submit.isPending, "Submit for review", "Submitting…")}
          </button>
        ) : null}
        {offered.has("publish") ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={busy}
            onClick={publishNow}
          >
            {label(
              publish.isPending && confirming === null,
              post.status === "scheduled" ? "Publish now" : "Publish",
              "Publishing…",
            )}
          </button>
        ) : null}
        {offered.has("schedule") ? (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={busy}
            onClick={() => open("schedule")}
          >
            {post.status === "scheduled" ? "Reschedule…" : "Schedule…"}
          </button>
        ) : null}
        {offered.has("unpublish") ? (
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            disabled={busy}
            onClick={() => open("unpublish")}
          >
            {post.status === "pending" ? "Send back to draft" : "Unpublish"}
          </button>
        ) : null}
        {offered.has("delete") ? (
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            disabled={busy}
            onClick={() => open("delete")}
          >
            Delete
          </button>
        ) : null}
      </div>
      <ScheduleDialog
        open={confirming === "schedule"}
        title={post.status === "scheduled" ? "Reschedule this post" : "Schedule this post"}
        initial={post.status === "scheduled" ? post.publishedAt : null}
        pending={publish.isPending}
        onSchedule={schedule}
        onClose={() => setConfirming(null)}
      />
      <UnpublishDialog
        open={confirming === "unpublish"}
        post={post}
        pending={unpublish.isPending}
        error={errorCode(unpublish.error) === "FORBIDDEN" ? null : unpublish.error}
        onConfirm={backToDraft}
        onClose={() => setConfirming(null)}
      />
      <DeletePostDialog
        open={confirming === "delete"}
        title={post.title}
        pending={remove.isPending}
        error={errorCode(remove.error) === "FORBIDDEN" ? null : remove.error}
        onConfirm={deleteForGood}
        onClose={() => setConfirming(null)}
      />
      <NotAuthorizedDialog error={refusal} onClose={() => setRefusal(null)} />
    </>
  );
}
