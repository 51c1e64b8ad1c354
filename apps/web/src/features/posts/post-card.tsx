import type { Post } from "@folio/api";
import { Link } from "react-router";
import { Avatar } from "../../components/ui/avatar";
import { FormattedDate } from "../../components/ui/formatted-date";

const EXCERPT_LENGTH = 240;

function excerpt(content: string): string {
  if (content.length <= EXCERPT_LENGTH) return content;
  return `${content.slice(0, EXCERPT_LENGTH).trimEnd()}…`;
}

/** One post in a list: author, date, title (the link to the post), the opening lines (as plain
 * text: Markdown is rendered on the post's own page) and how many comments it has. */
export function PostCard({ post }: { post: Post }) {
  return (
    <article className="card mb-3">
      <div className="card-body">
        <div className="d-flex align-items-center gap-2 mb-2">
          <Avatar imageUrl={post.author.imageUrl} />
          <div className="small">
            <Link to={`/users/${post.author.id}`} className="fw-semibold">
              {post.author.username}
            </Link>
            <div className="text-body-secondary">
              <FormattedDate iso={post.createdAt} />
            </div>
          </div>
        </div>
        <h2 className="h4 card-title">
          <Link to={`/posts/${post.id}`} className="link-body-emphasis text-decoration-none">
            {post.title}
          </Link>
        </h2>
        <p className="card-text post-content mb-2">{excerpt(post.content)}</p>
        <p className="small text-body-secondary mb-0">
          {post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`}
        </p>
      </div>
    </article>
  );
}
