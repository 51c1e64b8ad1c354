// The AuditEvent shape of API.md, mapped from a row, and what a person sees of their own.
import { type AuditEventRow, toIsoString } from "@folio/db";
import type { TargetType } from "./record.js";

export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  actor: { id: number | null; username: string } | null;
  subject: { id: number; username: string } | null;
  target: { type: TargetType; id: string; label: string } | null;
  ip: string | null;
  userAgent: string | null;
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: toIsoString(row.at),
    action: row.action,
    actor: row.actor_username === null ? null : { id: row.actor_id, username: row.actor_username },
    subject:
      row.subject_id === null || row.subject_username === null
        ? null
        : { id: row.subject_id, username: row.subject_username },
    target:
      row.target_type === null
        ? null
        : {
            type: row.target_type as TargetType,
            id: row.target_id ?? "",
            label: row.target_label ?? "",
          },
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * An event as its subject sees it: where an editor or admin acted on them, the moderator's
 * address and device are theirs, not the subject's, and stay with the admins.
 */
export function toOwnAuditEvent(row: AuditEventRow, viewerId: number): AuditEvent {
  const event = toAuditEvent(row);
  const someoneElse = event.actor?.id !== undefined && event.actor.id !== viewerId;
  return someoneElse ? { ...event, ip: null, userAgent: null } : event;
}

/** How a session is named in an event: when it started and its device, never its id. */
export function sessionTarget(session: { created_at: Date | string; user_agent: string | null }): {
  type: "session";
  id: string;
  label: string;
} {
  return {
    type: "session",
    id: toIsoString(session.created_at),
    label: session.user_agent ?? "an unknown device",
  };
}
