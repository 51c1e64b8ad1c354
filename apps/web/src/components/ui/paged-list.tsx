// A list read page by page through the API's cursor: its loading, failure, empty and
// "Load more" states, whatever the items are (posts, pending posts, accounts).
import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert";
import { Spinner } from "./spinner";

export interface InfiniteQueryLike<T> {
  data?: { pages: { items: T[] }[] } | undefined;
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

interface PagedListProps<T> {
  query: InfiniteQueryLike<T>;
  /** What is loading, for screen readers: "Loading posts…". */
  loadingLabel: string;
  /** Said when the first page fails: "Couldn't load posts." */
  errorTitle: string;
  /** Said when a later page fails: "Couldn't load more posts." */
  moreErrorTitle: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}

export function PagedList<T>(props: PagedListProps<T>) {
  const { query, loadingLabel, errorTitle, moreErrorTitle, empty, children } = props;
  if (query.isPending) return <Spinner label={loadingLabel} />;
  if (!query.data) {
    return <ErrorAlert error={query.error} title={errorTitle} onRetry={query.refetch} />;
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(items)}
      {query.error ? <ErrorAlert error={query.error} title={moreErrorTitle} /> : null}
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
