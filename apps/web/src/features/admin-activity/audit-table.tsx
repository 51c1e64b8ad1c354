// Every event as a row: when, what, who did it, whom it is about, what it names, from where.
// A name filters the page by that account.
import type { AuditEvent } from "@folio/api";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

function Account({
  who,
  onPick,
  none,
}: {
  who: { id: number | null; username: string } | null;
  onPick: (userId: number) => void;
  none: string;
}) {
  if (!who) return <span className="text-body-secondary">{none}</span>;
  const { id } = who;
  if (id === null) return <span>{who.username}</span>;
  return (
    <button
      type="button"
      className="btn btn-link btn-sm p-0 align-baseline"
      title={`Show the events of ${who.username} only`}
      onClick={() => onPick(id)}
    >
      {who.username}
    </button>
  );
}

export function AuditTable({
  events,
  onPickUser,
}: {
  events: AuditEvent[];
  onPickUser: (userId: number) => void;
}) {
  return (
    <div className="table-responsive">
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">Security events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">By</th>
            <th scope="col">About</th>
            <th scope="col">Details</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="text-nowrap">
                <time dateTime={event.at}>{timeFormat.format(new Date(event.at))}</time>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                <Account who={event.actor} onPick={onPickUser} none="nobody signed in" />
              </td>
              <td>
                <Account who={event.subject} onPick={onPickUser} none="—" />
              </td>
              <td className="text-break">{event.target?.label ?? ""}</td>
              <td className="small text-break">
                {event.ip ?? "command line"}
                {event.userAgent ? (
                  <div className="text-body-secondary" title={event.userAgent}>
                    {event.userAgent.length > 40
                      ? `${event.userAgent.slice(0, 40)}…`
                      : event.userAgent}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
