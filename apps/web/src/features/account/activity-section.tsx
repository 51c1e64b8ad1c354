// Security activity: what happened to the account lately, in words, with when, from which
// device and address, and a way to the sessions for a sign-in the person does not recognise.
import type { AuditEvent } from "@folio/api";
import { ErrorAlert } from "../../components/ui/error-alert";
import { Spinner } from "../../components/ui/spinner";
import { describeEvent } from "./activity-words";
import { Ago } from "./ago";
import { useActivity } from "./use-account";

function EventItem({ event }: { event: AuditEvent }) {
  const words = describeEvent(event);
  return (
    <li className="list-group-item">
      <div className={words.warning ? "fw-semibold text-warning-emphasis" : "fw-semibold"}>
        {words.text}
      </div>
      <div className="small text-body-secondary">
        <Ago iso={event.at} />
        {event.ip ? <> · address {event.ip}</> : null}
      </div>
      {words.suggestSessions ? (
        <a className="small" href="#sessions-heading">
          Not you? Sign out the devices you do not recognise
        </a>
      ) : null}
    </li>
  );
}

export function ActivitySection() {
  const activity = useActivity();
  const events = activity.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="activity-heading" className="mb-5">
      <h2 id="activity-heading" className="h4">
        Security activity
      </h2>
      <p className="text-body-secondary">
        Sign-ins, changes to your account, and anything someone else did to your account or your
        posts, newest first.
      </p>
      {activity.isPending ? <Spinner label="Loading your security activity…" /> : null}
      {!activity.isPending && !activity.data ? (
        <ErrorAlert
          error={activity.error}
          title="Couldn't load your security activity."
          onRetry={activity.refetch}
        />
      ) : null}
      {activity.data && events.length === 0 ? (
        <p>Nothing has happened to your account yet.</p>
      ) : null}
      {events.length > 0 ? (
        <ul className="list-group mb-3" aria-label="Security events">
          {events.map((event) => (
            <EventItem key={event.id} event={event} />
          ))}
        </ul>
      ) : null}
      {activity.data && activity.error ? (
        <ErrorAlert error={activity.error} title="Couldn't load more of your activity." />
      ) : null}
      {activity.hasNextPage ? (
        <button
          type="button"
          className="btn btn-outline-secondary"
          disabled={activity.isFetchingNextPage}
          onClick={() => activity.fetchNextPage()}
        >
          {activity.isFetchingNextPage ? "Loading…" : "Show older activity"}
        </button>
      ) : null}
    </section>
  );
}
