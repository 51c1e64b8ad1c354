// user.activity and admin.audit: keyset pages of events, newest first. The cursor is the last
// shown event's id (time-ordered), signed, so a page never repeats or skips an event when new
// ones arrive between loads, and costs one index walk of a page's length.
import { type AuditEventQuery, type AuditEventRow, listAuditEvents } from "@folio/db";
import type { Context } from "../context.js";
import { decodeKeyCursor, encodeKeyCursor } from "../shared/cursor.js";
import type { Page } from "../shared/shapes.js";
import { type AuditEvent, toAuditEvent, toOwnAuditEvent } from "./audit-event.js";
import type { AuditAction } from "./schemas.js";

interface PageInput {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

async function eventPage(
  ctx: Context,
  input: PageInput | undefined,
  query: Omit<AuditEventQuery, "limit" | "before">,
  toItem: (row: AuditEventRow) => AuditEvent,
): Promise<Page<AuditEvent>> {
  const limit = input?.limit ?? 10;
  const before = input?.cursor ? decodeKeyCursor(ctx.auth.secret, input.cursor) : undefined;
  const rows = await listAuditEvents(ctx.db, { ...query, limit: limit + 1, before });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeKeyCursor(ctx.auth.secret, last.id) : null,
  };
}

/**
 * The caller's own activity: events whose subject is them. Account ids are never reused
 * (AUTOINCREMENT / identity), so a deleted account's events reach no one but the admins.
 */
export function listOwnActivity(
  ctx: Context,
  viewerId: number,
  input: PageInput | undefined,
): Promise<Page<AuditEvent>> {
  return eventPage(ctx, input, { subjectId: viewerId }, (row) => toOwnAuditEvent(row, viewerId));
}

/** Every event (admins); `userId` keeps those it acted in or is the subject of. */
export function listAuditLog(
  ctx: Context,
  input:
    | (PageInput & { userId?: number | undefined; action?: AuditAction | undefined })
    | undefined,
): Promise<Page<AuditEvent>> {
  return eventPage(ctx, input, { involving: input?.userId, action: input?.action }, toAuditEvent);
}
