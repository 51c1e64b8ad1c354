import type { Page, Post } from "@folio/api";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { PostCard } from "./post-card";

interface PostListProps {
  query: {
    data?: { pages: Page<Post>[] } | undefined;
    error: unknown;
    isPending: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    refetch: () => unknown;
  };
  empty: ReactNode;
}

/** A paginated list of posts with its loading, failure, empty and "Load more" states. */
export function PostList({ query, empty }: PostListProps) {
  if (query.isPending) return <Spinner label="Loading posts…" />;
  if (!query.data) {
    return <ErrorAlert error={query.error} title="Couldn't load posts." onRetry={query.refetch} />;
  }
  const posts = query.data.pages.flatMap((page) => page.items);
  if (posts.length === 0) return <>{empty}</>;
  return (
    <>
      {posts.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
      {query.error ? <ErrorAlert error={query.error} title="Couldn't load more posts." /> : null}
      {query.hasNextPage ? (
        <div className="text-center">
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={query.isFetchingNextPage}
            onClick={() => query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? (
              <>
                <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
                Loading…
              </>
            ) : (
              "Load more"
            )}
          </button>
        </div>
      ) : null}
    </>
  );
}
