// /admin/activity: every security event for admins and the owner, filtered by account and by
// kind of event, the filters kept in the URL. The server refuses anyone else (FORBIDDEN); the
// page says so before asking.
import { AUDIT_ACTIONS } from "@folio/api/schemas";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { AccountPicker } from "./account-picker";
import { filtersFromSearch, searchFromFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { type AuditFilters, useAuditLog } from "./use-audit";

function AuditLog({
  filters,
  onPickUser,
}: {
  filters: AuditFilters;
  onPickUser: (id: number) => void;
}) {
  const log = useAuditLog(filters);
  if (log.isPending) return <Spinner label="Loading the security events…" />;
  if (!log.data) {
    return (
      <ErrorAlert
        error={log.error}
        title="Couldn't load the security events."
        onRetry={log.refetch}
      />
    );
  }
  const events = log.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <p>No event matches these filters.</p>;
  return (
    <>
      <AuditTable events={events} onPickUser={onPickUser} />
      {log.error ? <ErrorAlert error={log.error} title="Couldn't load more events." /> : null}
      {log.hasNextPage ? (
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? "Loading…" : "Show older events"}
        </button>
      ) : null}
    </>
  );
}

export function AdminActivityPage() {
  usePageTitle("Security activity");
  const session = useAuth();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const role = session?.user.role;
  if (role !== "admin" && role !== "owner") {
    return (
      <div className="alert alert-warning" role="alert">
        Only admins can see the site's security activity.
      </div>
    );
  }
  const setFilters = (next: AuditFilters) => setSearch(searchFromFilters(next));
  return (
    <div>
      <h1 className="h2 mb-3">Security activity</h1>
      <p className="text-body-secondary">
        Every security event on the site, newest first: sign-ins, account changes, and moderation.
      </p>
      <div className="row g-3 mb-3">
        <div className="col-md-7">
          <AccountPicker onPick={(userId) => setFilters({ ...filters, userId })} />
        </div>
        <div className="col-md-5">
          <label className="form-label" htmlFor="audit-action">
            Event
          </label>
          <select
            id="audit-action"
            className="form-select"
            value={filters.action ?? ""}
            onChange={(event) => {
              const action = AUDIT_ACTIONS.find((name) => name === event.target.value);
              setFilters({ ...filters, action });
            }}
          >
            <option value="">Every event</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
      </div>
      {filters.userId !== undefined ? (
        <p>
          Showing the events of account #{filters.userId} (as actor or subject).{" "}
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            onClick={() => setFilters({ ...filters, userId: undefined })}
          >
            Every account
          </button>
        </p>
      ) : null}
      <AuditLog filters={filters} onPickUser={(userId) => setFilters({ ...filters, userId })} />
    </div>
  );
}
