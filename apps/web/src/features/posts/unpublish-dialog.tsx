import type { Post } from "@folio/api";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";

interface UnpublishDialogProps {
  open: boolean;
  post: Post;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Back to draft: a live or scheduled post goes out of sight, a pending one leaves the queue. */
export function UnpublishDialog({ post, ...props }: UnpublishDialogProps) {
  const fromReview = post.status === "pending";
  return (
    <ConfirmDialog
      {...props}
      title={fromReview ? "Send this post back to draft?" : "Unpublish this post?"}
      confirmLabel={fromReview ? "Send back to draft" : "Unpublish"}
      pendingLabel={fromReview ? "Sending back…" : "Unpublishing…"}
    >
      <p className="mb-0">
        {fromReview
          ? `“${post.title}” leaves the review queue and becomes a draft again. Its author can edit it and submit it again.`
          : `“${post.title}” goes back to draft: readers no longer see it, nor its comments, until it is published again.`}
      </p>
    </ConfirmDialog>
  );
}
