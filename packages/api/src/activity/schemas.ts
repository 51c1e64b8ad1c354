// Inputs of user.activity and admin.audit, and the events Folio records (API.md "Security
// activity"). zod alone: the SPA imports the action list for its filter.
import { z } from "zod";
import { idSchema, pageShape } from "../shared/field-schemas.js";

export const AUDIT_ACTIONS = [
  "account.created",
  "login.succeeded",
  "login.failed",
  "login.suspended",
  "logout",
  "session.ended",
  "sessions.ended",
  "password.changed",
  "password.reset.requested",
  "password.reset",
  "email.changed",
  "email.verified",
  "role.changed",
  "account.suspended",
  "account.unsuspended",
  "account.deleted",
  "owner.transferred",
  "post.changed.by.other",
  "comment.deleted.by.other",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditActionSchema = z.enum(AUDIT_ACTIONS, { error: "Unknown action" });

export const userActivityInput = z.strictObject(pageShape).optional();

export const adminAuditInput = z
  .strictObject({
    userId: idSchema.optional(),
    action: auditActionSchema.optional(),
    ...pageShape,
  })
  .optional();
