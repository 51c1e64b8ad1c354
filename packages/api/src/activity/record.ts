// Writing a security event: one row, in the transaction of the change it records (the type
// asks for a Transaction, so no caller can write one beside its change by mistake). Only names,
// ids and the request's origin go in: never a password, token, hash, session id or post text.
import { type Database, insertAuditEvent } from "@folio/db";
import type { Kysely, Transaction } from "kysely";
import type { AuditAction } from "./schemas.js";

/** An account as events name it: its id and a copy of its username at the time. */
export interface Named {
  id: number;
  username: string;
}

export type TargetType = "user" | "post" | "comment" | "session";

export interface AuditEventInput {
  action: AuditAction;
  /** Who did it; null for the command line or someone not signed in (a failed login). */
  actor: Named | null;
  /** The account the event is about. */
  subject: Named | null;
  target?: { type: TargetType; id: string; label: string } | null;
  /** Where the request came from; null outside a request (the command line). */
  origin: RequestOrigin | null;
  at?: Date;
}

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** The client address and device of a request (the Context has both). */
export function originOf(ctx: { clientIp: string; userAgent: string | null }): RequestOrigin {
  // "local"/"unknown" are the context's placeholders for "no address", not addresses.
  const ip = ctx.clientIp === "local" || ctx.clientIp === "unknown" ? null : ctx.clientIp;
  return { ip, userAgent: ctx.userAgent };
}

/** `{ id, username }` of an account row (a copy: the event keeps it after the row is gone). */
export const named = (user: Named): Named => ({ id: user.id, username: user.username });

/** Appends one event inside `trx`. */
export async function recordEvent(
  trx: Transaction<Database>,
  event: AuditEventInput,
): Promise<void> {
  await insertAuditEvent(trx, {
    at: event.at ?? new Date(),
    action: event.action,
    actor: event.actor ? named(event.actor) : null,
    subject: event.subject ? named(event.subject) : null,
    target: event.target ?? null,
    ip: event.origin?.ip ?? null,
    userAgent: event.origin?.userAgent ?? null,
  });
}

/**
 * An event that records no change: a refused login. There is nothing to share a transaction
 * with, so it gets one of its own.
 */
export function recordRefusal(db: Kysely<Database>, event: AuditEventInput): Promise<void> {
  return db.transaction().execute((trx) => recordEvent(trx, event));
}
