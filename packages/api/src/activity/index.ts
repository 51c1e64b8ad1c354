// Security activity (API.md "Security activity", ADR 020): recording events in the transaction
// of the change they record, reading them (a person's own, every event for admins), and
// deleting them after the retention period. The one entry point of the capability.
export { type AuditEvent, sessionTarget, toAuditEvent } from "./audit-event.js";
export { recordOwnerTransferredByCommandLine } from "./command-line.js";
export {
  type ModeratedComment,
  type ModeratedPost,
  type PostChange,
  quoteTitle,
  recordCommentDeletedByOther,
  recordPostChangedByOther,
} from "./moderation.js";
export { listAuditLog, listOwnActivity } from "./pages.js";
export {
  type AuditEventInput,
  type Named,
  named,
  originOf,
  type RequestOrigin,
  recordEvent,
  recordRefusal,
} from "./record.js";
export {
  AUDIT_SWEEP_INTERVAL_MS,
  type AuditSweep,
  type AuditSweepOptions,
  DEFAULT_AUDIT_RETENTION_SECONDS,
  startAuditRetentionSweep,
  sweepOldAuditEvents,
} from "./retention.js";
export { AUDIT_ACTIONS, type AuditAction } from "./schemas.js";
