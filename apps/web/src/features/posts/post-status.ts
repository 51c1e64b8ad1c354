// How a post's state reads to a person: its badge, and who can see a post that is not live.
import type { Post } from "@folio/api";

export type PostStatus = Post["status"];

export const STATUS_LABELS: Record<PostStatus, string> = {
  draft: "Draft",
  pending: "Pending review",
  scheduled: "Scheduled",
  published: "Published",
};

const whenFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** A moment as the reader's clock shows it, with the zone: "Dec 10, 2026, 2:30 PM GMT+1". */
export function formatWhen(iso: string): string {
  return whenFormat.format(new Date(iso));
}

/**
 * The banner over a post nobody else can read yet, or null for a published one. Only its
 * author and editors (and above) ever get such a post from the server.
 */
export function visibilityNotice(
  post: Pick<Post, "status" | "publishedAt" | "author">,
  viewerId: number | undefined,
): string | null {
  const who = post.author.id === viewerId ? "only you and editors" : "only its author and editors";
  switch (post.status) {
    case "published":
      return null;
    case "draft":
      return `Draft — ${who} can see this.`;
    case "pending":
      return `Pending review — ${who} can see this until it is published.`;
    case "scheduled":
      return post.publishedAt
        ? `Scheduled for ${formatWhen(post.publishedAt)} — ${who} can see this until then.`
        : `Scheduled — ${who} can see this until it goes live.`;
  }
}
