// Where the account is signed in: every live session, with "Sign out" on the others, "Sign out
// of all other devices", and the logouts of this device or of every device.
import type { DeviceSession } from "@folio/api";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { Ago } from "./ago";
import { deviceName } from "./device-name";
import {
  useLogout,
  useLogoutAll,
  useLogoutOthers,
  useSessions,
  useSignOutDevice,
} from "./use-account";

function SessionItem({
  session,
  signOut,
}: {
  session: DeviceSession;
  signOut: ReturnType<typeof useSignOutDevice>;
}) {
  const nameId = `session-${session.id}`;
  const pending = signOut.isPending && signOut.variables?.id === session.id;
  return (
    <li className="list-group-item d-flex flex-wrap align-items-center gap-2">
      <div className="flex-grow-1">
        <span id={nameId} className="fw-semibold text-break">
          {deviceName(session.userAgent)}
        </span>
        {session.current ? <span className="badge text-bg-success ms-2">This device</span> : null}
        <div className="small text-body-secondary">
          Signed in <Ago iso={session.createdAt} /> · last seen <Ago iso={session.lastSeenAt} />
        </div>
      </div>
      {session.current ? null : (
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          aria-describedby={nameId}
          disabled={pending}
          onClick={() => signOut.mutate({ id: session.id })}
        >
          {pending ? "Signing out…" : "Sign out"}
        </button>
      )}
    </li>
  );
}

export function SessionsSection() {
  const sessions = useSessions();
  const signOut = useSignOutDevice();
  const logoutOthers = useLogoutOthers();
  const logout = useLogout();
  const logoutAll = useLogoutAll();
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  return (
    <section aria-labelledby="sessions-heading" className="mb-5">
      <h2 id="sessions-heading" className="h4">
        Sessions
      </h2>
      <p className="text-body-secondary">
        The devices where you are signed in. Sign out of any you do not recognise or no longer use.
      </p>
      {sessions.isPending ? <Spinner label="Loading your sessions…" /> : null}
      {sessions.error ? (
        <ErrorAlert
          error={sessions.error}
          title="Couldn't load your sessions."
          onRetry={sessions.refetch}
        />
      ) : null}
      {sessions.data ? (
        <ul className="list-group mb-3" aria-label="Signed-in devices">
          {sessions.data.map((session) => (
            <SessionItem key={session.id} session={session} signOut={signOut} />
          ))}
        </ul>
      ) : null}
      {signOut.error ? (
        <ErrorAlert error={signOut.error} title="Couldn't sign that device out." />
      ) : null}
      {signOut.isSuccess ? (
        <div className="alert alert-success" role="status">
          That device is signed out.
        </div>
      ) : null}
      {logoutOthers.error ? (
        <ErrorAlert error={logoutOthers.error} title="Couldn't sign the other devices out." />
      ) : null}
      {logoutOthers.isSuccess && others === 0 ? (
        <div className="alert alert-success" role="status">
          Every other device is signed out.
        </div>
      ) : null}
      {logoutAll.error ? <ErrorAlert error={logoutAll.error} /> : null}
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={others === 0 || logoutOthers.isPending}
          onClick={() => logoutOthers.mutate()}
        >
          {logoutOthers.isPending ? "Signing out other devices…" : "Sign out of all other devices"}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={logout.isPending}
          onClick={() => void logout.run()}
        >
          {logout.isPending ? "Logging out…" : "Log out"}
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
