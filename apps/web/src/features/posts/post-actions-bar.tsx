// The post page's buttons: what the viewer's role allows on this post in its state (see
// post-actions.ts), each move with its wait and its confirmation where it hides the post; the
// server's answer in words: a refusal (403) in a dialog, anything else in an alert.
import type { Post } from "@folio/api";
import type { Viewer } from "@folio/api/policy";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { errorCode } from "../../lib/api-errors";
import { DeletePostDialog } from "./delete-post-dialog";
import { NotAuthorizedDialog } from "./not-authorized-dialog";
import { offeredActions } from "./post-actions";
import { ScheduleDialog } from "./schedule-dialog";
import { UnpublishDialog } from "./unpublish-dialog";
import { usePostMoves } from "./use-post-moves";

export function PostActionsBar({ post, viewer }: { post: Post; viewer: Viewer | null }) {
  const moves = usePostMoves(post, viewer);
  const { publish, unpublish, submit, remove, busy, confirming, open, close } = moves;
  const offered = offeredActions(viewer, post);
  const label = (pending: boolean, idle: string, working: string) => (pending ? working : idle);

  return (
    <>
      {moves.notice ? (
        <div className="alert alert-success" role="status">
          {moves.notice}
        </div>
      ) : null}
      {moves.failure ? <ErrorAlert error={moves.failure} title="That didn't work." /> : null}
      <div className={`${offered.size === 0 ? "d-none" : "d-flex"} flex-wrap gap-2 mb-4`}>
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
            onClick={moves.sendForReview}
          >
            {label(submit.isPending, "Submit for review", "Submitting…")}
          </button>
        ) : null}
        {offered.has("publish") ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={busy}
            onClick={moves.publishNow}
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
        onSchedule={moves.schedule}
        onClose={close}
      />
      <UnpublishDialog
        open={confirming === "unpublish"}
        post={post}
        pending={unpublish.isPending}
        error={errorCode(unpublish.error) === "FORBIDDEN" ? null : unpublish.error}
        onConfirm={moves.backToDraft}
        onClose={close}
      />
      <DeletePostDialog
        open={confirming === "delete"}
        title={post.title}
        pending={remove.isPending}
        error={errorCode(remove.error) === "FORBIDDEN" ? null : remove.error}
        onConfirm={moves.deleteForGood}
        onClose={close}
      />
      <NotAuthorizedDialog error={moves.refusal} onClose={moves.clearRefusal} />
    </>
  );
}
