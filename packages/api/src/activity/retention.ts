// Events are kept for AUDIT_RETENTION (API.md: 365 days by default), then deleted: the host
// sweeps at start and then periodically, as it does expired sessions (an unref'd timer).
import { type Database, deleteAuditEventsBefore } from "@folio/db";
import type { Kysely } from "kysely";
import { type PeriodicSweep, startPeriodicSweep } from "../shared/periodic-sweep.js";

export const DEFAULT_AUDIT_RETENTION_SECONDS = 365 * 24 * 60 * 60;
export const AUDIT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes every event older than `retentionSeconds` before `now`; returns how many. */
export function sweepOldAuditEvents(
  db: Kysely<Database>,
  retentionSeconds: number,
  now = new Date(),
): Promise<number> {
  return deleteAuditEventsBefore(db, new Date(now.getTime() - retentionSeconds * 1000));
}

export interface AuditSweepOptions {
  retentionSeconds?: number;
  intervalMs?: number;
  onSwept?: (deleted: number) => void;
  /** Told when a sweep fails (the database is away); the next one tries again. */
  onError?: (error: unknown) => void;
}

export type AuditSweep = PeriodicSweep;

/** Sweeps now, then every `intervalMs` until stopped. */
export function startAuditRetentionSweep(
  db: Kysely<Database>,
  {
    retentionSeconds = DEFAULT_AUDIT_RETENTION_SECONDS,
    intervalMs = AUDIT_SWEEP_INTERVAL_MS,
    onSwept,
    onError,
  }: AuditSweepOptions = {},
): AuditSweep {
  return startPeriodicSweep(() => sweepOldAuditEvents(db, retentionSeconds), {
    intervalMs,
    onSwept,
    onError,
  });
}
