import type { AuditEvent } from "@folio/api";
import { describe, expect, it } from "vitest";
import { describeEvent } from "./activity-words";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const alice = { id: 3, username: "alice" };
const bob = { id: 4, username: "bob" };

const event = (fields: Partial<AuditEvent>): AuditEvent => ({
  id: "0190a000-0000-7000-8000-000000000000",
  at: "2026-12-06T10:00:00.000Z",
  action: "login.succeeded",
  actor: alice,
  subject: alice,
  target: null,
  ip: "203.0.113.7",
  userAgent: FIREFOX,
  ...fields,
});

describe("describeEvent", () => {
  it.each([
    [event({}), "You signed in from Firefox 140 on Linux", false, true],
    [
      event({ action: "login.failed", actor: null }),
      "Someone tried your password from Firefox 140 on Linux, and was refused",
      true,
      true,
    ],
    [
      event({ action: "password.changed", userAgent: null }),
      "You changed your password",
      false,
      false,
    ],
    [
      event({
        action: "session.ended",
        target: { type: "session", id: "2026-12-01T09:00:00.000Z", label: FIREFOX },
        userAgent: null,
      }),
      "You signed out Firefox 140 on Linux",
      false,
      false,
    ],
    [
      event({
        action: "sessions.ended",
        target: { type: "session", id: "all", label: "every device" },
        userAgent: null,
      }),
      "You signed out of every device",
      false,
      false,
    ],
    [
      event({
        action: "role.changed",
        actor: bob,
        target: { type: "user", id: "3", label: "author → editor" },
      }),
      "bob changed your role from author to editor",
      false,
      false,
    ],
    [
      event({
        action: "post.changed.by.other",
        actor: bob,
        target: { type: "post", id: "9", label: "unpublished “Notes”" },
      }),
      "bob unpublished your post “Notes”",
      true,
      false,
    ],
    [
      event({
        action: "comment.deleted.by.other",
        actor: bob,
        target: { type: "comment", id: "5", label: "a comment on “Notes”" },
      }),
      "bob deleted your comment on “Notes”",
      true,
      false,
    ],
    [
      event({ action: "owner.transferred", actor: null }),
      "You were made the site's owner from the server's command line",
      false,
      false,
    ],
  ])("says %#: %s", (given, text, warning, suggestSessions) => {
    expect(describeEvent(given)).toEqual({ text, warning, suggestSessions });
  });
});
