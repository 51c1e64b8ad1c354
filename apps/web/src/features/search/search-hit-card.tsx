// One search result: title (the link to the post), author, date, and the passage around the
// first match with the matched words marked.
import type { SearchHit } from "@folio/api";
import { Link } from "react-router";
import { Avatar } from "../../components/ui/avatar";
import { FormattedDate } from "../../components/ui/formatted-date";
import { MarkedText } from "./marked-text";

export function SearchHitCard({ hit }: { hit: SearchHit }) {
  return (
    <article className="card mb-3">
      <div className="card-body">
        <h2 className="h5 card-title">
          <Link to={`/posts/${hit.id}`} className="link-body-emphasis">
            <MarkedText text={hit.title} words={hit.matches} />
          </Link>
        </h2>
        <p className="card-text post-content mb-2">
          <MarkedText text={hit.snippet} words={hit.matches} />
        </p>
        <div className="d-flex align-items-center gap-2 small text-body-secondary">
          <Avatar imageUrl={hit.author.imageUrl} size="xs" />
          <Link to={`/users/${hit.author.id}`}>{hit.author.username}</Link>
          <span aria-hidden="true">·</span>
          <FormattedDate iso={hit.publishedAt ?? hit.createdAt} />
        </div>
      </div>
    </article>
  );
}
