import { type PostStatus, STATUS_LABELS } from "./post-status";

const CLASSES: Record<PostStatus, string> = {
  draft: "text-bg-secondary",
  pending: "text-bg-warning",
  scheduled: "text-bg-info",
  published: "text-bg-success",
};

/** A post's state as a coloured label (the words carry it; the colour only helps). */
export function StatusBadge({ status }: { status: PostStatus }) {
  return <span className={`badge ${CLASSES[status]}`}>{STATUS_LABELS[status]}</span>;
}
