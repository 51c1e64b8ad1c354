// Expired sessions are refused on sight, but their rows would pile up: the host deletes them
// at start and then periodically (an unref'd timer that never keeps a process alive).
import { type Database, deleteExpiredSessions } from "@folio/db";
import type { Kysely } from "kysely";
import { type PeriodicSweep, startPeriodicSweep } from "../shared/periodic-sweep.js";

export const SESSION_SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/** Deletes every session expired by `now`; returns how many. */
export function sweepExpiredSessions(db: Kysely<Database>, now = new Date()): Promise<number> {
  return deleteExpiredSessions(db, now.toISOString());
}

export interface SessionSweepOptions {
  intervalMs?: number;
  /** Told how many sessions each sweep deleted. */
  onSwept?: (deleted: number) => void;
  /** Told when a sweep fails (the database is away); the next one tries again. */
  onError?: (error: unknown) => void;
}

export type SessionSweep = PeriodicSweep;

/** Sweeps now, then every `intervalMs` until stopped. */
export function startSessionSweep(
  db: Kysely<Database>,
  { intervalMs = SESSION_SWEEP_INTERVAL_MS, onSwept, onError }: SessionSweepOptions = {},
): SessionSweep {
  return startPeriodicSweep(() => sweepExpiredSessions(db), { intervalMs, onSwept, onError });
}
