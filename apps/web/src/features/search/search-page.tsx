// /search?q=…: the hits for the URL's query, best first, with their loading, refusal (a query
// with nothing to search for), failure, empty and "Load more" states.
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { serverFieldErrors } from "../../lib/api-errors";
import { usePageTitle } from "../../lib/use-page-title";
import { SearchHitCard } from "./search-hit-card";
import { useSearch } from "./use-search";

export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  usePageTitle(q ? `Search: ${q}` : "Search");
  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h2 mb-4">{q ? `Results for “${q}”` : "Search"}</h1>
        {q ? (
          <SearchResults key={q} q={q} />
        ) : (
          <p className="lead">Type a few words in the search box to find posts.</p>
        )}
      </div>
    </div>
  );
}

function SearchResults({ q }: { q: string }) {
  const search = useSearch(q);
  if (search.isPending) return <Spinner label="Searching…" />;
  if (!search.data) {
    // The server's own words for a query it can't search (only -exclusions, too long, …).
    const refusal = serverFieldErrors(search.error).q?.[0];
    if (refusal) {
      return (
        <div className="alert alert-warning" role="alert">
          {refusal}
        </div>
      );
    }
    return <ErrorAlert error={search.error} title="Couldn't search." onRetry={search.refetch} />;
  }
  const hits = search.data.pages.flatMap((page) => page.items);
  if (hits.length === 0) {
    return (
      <div className="text-center py-5 border rounded-3 bg-body-tertiary" role="status">
        <p className="lead mb-1">No posts match “{q}”.</p>
        <p className="mb-0 text-body-secondary">Try fewer or other words.</p>
      </div>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {`Showing ${hits.length} ${hits.length === 1 ? "post" : "posts"} for “${q}”.`}
      </p>
      {hits.map((hit) => (
        <SearchHitCard key={hit.id} hit={hit} />
      ))}
      {search.error ? (
        <ErrorAlert error={search.error} title="Couldn't load more results." />
      ) : null}
      {search.hasNextPage ? (
        <div className="text-center">
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={search.isFetchingNextPage}
            onClick={() => search.fetchNextPage()}
          >
            {search.isFetchingNextPage ? "Loading…" : "More results"}
          </button>
        </div>
      ) : null}
    </>
  );
}
