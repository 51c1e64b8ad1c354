import type { Post } from "@folio/api";
import { Fragment, type ReactNode } from "react";
import { type InfiniteQueryLike, PagedList } from "../../components/ui/paged-list";
import { PostCard } from "./post-card";

interface PostListProps {
  query: InfiniteQueryLike<Post>;
  empty: ReactNode;
  /** How one post shows; a card with its author by default. */
  renderPost?: (post: Post) => ReactNode;
}

/** A paginated list of posts with its loading, failure, empty and "Load more" states. */
export function PostList({ query, empty, renderPost }: PostListProps) {
  return (
    <PagedList
      query={query}
      loadingLabel="Loading posts…"
      errorTitle="Couldn't load posts."
      moreErrorTitle="Couldn't load more posts."
      empty={empty}
    >
      {(posts) =>
        posts.map((post) => (
          <Fragment key={post.id}>
            {renderPost ? renderPost(post) : <PostCard post={post} />}
          </Fragment>
        ))
      }
    </PagedList>
  );
}
