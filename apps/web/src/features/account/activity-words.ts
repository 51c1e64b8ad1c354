// A security event in words a person understands ("You signed in from Firefox on Linux",
// "Someone tried your password", "bob unpublished your post “Notes”"), and whether to point
// them at their sessions (a sign-in or attempt they may not recognise).
import type { AuditEvent } from "@folio/api";
import { deviceName } from "./device-name";

export interface EventWords {
  text: string;
  /** Something that was not the person's own doing, worth a second look. */
  warning: boolean;
  /** "Not you?": link to the sessions, where an unknown device can be signed out. */
  suggestSessions: boolean;
}

const said = (text: string, warning = false, suggestSessions = false): EventWords => ({
  text,
  warning,
  suggestSessions,
});

/** "unpublished “Notes”" → ["unpublished", "“Notes”"]. */
function splitLabel(label: string): [string, string] {
  const space = label.indexOf(" ");
  return space < 0 ? [label, ""] : [label.slice(0, space), label.slice(space + 1)];
}

const byWhom = (event: AuditEvent) => event.actor?.username ?? "Someone";

export function describeEvent(event: AuditEvent): EventWords {
  const from = event.userAgent ? ` from ${deviceName(event.userAgent)}` : "";
  const label = event.target?.label ?? "";
  switch (event.action) {
    case "account.created":
      return said(`You created your account${from}`);
    case "login.succeeded":
      return said(`You signed in${from}`, false, true);
    case "login.failed":
      return said(`Someone tried your password${from}, and was refused`, true, true);
    case "login.suspended":
      return said(
        `Someone signed in with your password${from} while your account was suspended`,
        true,
        true,
      );
    case "logout":
      return said(`You signed out${from}`);
    case "session.ended":
      return said(`You signed out ${deviceName(label)}${from}`);
    case "sessions.ended":
      return said(
        event.target?.id === "all"
          ? `You signed out of every device${from}`
          : `You signed out every other device${from}`,
      );
    case "password.changed":
      return said(`You changed your password${from}`);
    case "password.reset.requested":
      return said(`Someone asked for a link to reset your password${from}`, true, true);
    case "password.reset":
      return said(`Your password was reset with a link sent to your email${from}`, true, true);
    case "email.changed":
      return said(`Your email address was changed${from}`);
    case "email.verified":
      return said("You confirmed your email address");
    case "role.changed": {
      const [before, , after] = label.split(" ");
      return said(`${byWhom(event)} changed your role from ${before} to ${after}`);
    }
    case "account.suspended":
      return said(`${byWhom(event)} suspended your account`, true);
    case "account.unsuspended":
      return said(`${byWhom(event)} lifted your account's suspension`);
    case "account.deleted":
      return said("The account was deleted", true);
    case "owner.transferred":
      return said(
        event.actor
          ? `${event.actor.username} made you the site's owner`
          : "You were made the site's owner from the server's command line",
      );
    case "post.changed.by.other": {
      const [what, title] = splitLabel(label);
      return said(`${byWhom(event)} ${what} your post ${title}`, true);
    }
    case "comment.deleted.by.other":
      return said(`${byWhom(event)} deleted ${label.replace(/^a comment/, "your comment")}`, true);
    default:
      return said(event.action);
  }
}
