import { ErrorAlert } from "../../components/ui/error-alert";
import { useEndSession, useLogoutAll } from "./use-account";

export function SessionsSection() {
  const endSession = useEndSession();
  const logoutAll = useLogoutAll();
  return (
    <section aria-labelledby="sessions-heading" className="mb-5">
      <h2 id="sessions-heading" className="h4">
        Sessions
      </h2>
      <p className="text-body-secondary">
        Log out here, or on every device where you are logged in (this one included).
      </p>
      {logoutAll.error ? <ErrorAlert error={logoutAll.error} /> : null}
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => void endSession("You are logged out.")}
        >
          Log out
        </button>
        <button
          type="button"
          className="btn btn-outline-danger"
          disabled={logoutAll.isPending}
          onClick={() => logoutAll.mutate()}
        >
          {logoutAll.isPending ? "Logging out everywhere…" : "Log out everywhere"}
        </button>
      </div>
    </section>
  );
}
