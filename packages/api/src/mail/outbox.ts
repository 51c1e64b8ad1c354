// The outbox worker (ADR 020): messages are rows written in the transaction that caused them;
// every server process runs this loop, and whichever claims a row first sends it. A request
// wakes the loop after its answer; a poll picks up retries, other processes' leftovers and the
// rows of a process that died holding them (their claim runs out). Nothing lives only in memory.
import { randomUUID } from "node:crypto";
import {
  claimDueMail,
  type Database,
  deleteExpiredMail,
  hasDueMail,
  nextMailDue,
  releaseMailClaims,
} from "@folio/db";
import type { Kysely } from "kysely";
import {
  type ClaimJob,
  DEFAULT_RETRY_DELAYS_MS,
  handleClaimedRow,
  type MailLog,
  type PrepareRequest,
} from "./delivery.js";
import type { MailTransport } from "./transport.js";

export type { PrepareRequest };

export interface MailOutboxOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  from: string;
  log: MailLog;
  retryDelaysMs?: readonly number[];
  /** How often the loop looks for work nobody woke it for. */
  pollIntervalMs?: number;
  /** How long a claim holds without renewal: a dead process's rows are free after this. */
  claimMs?: number;
  prepare?: PrepareRequest;
}

export interface MailOutbox {
  /** Starts the loop: a pass now, then polls (the server; tests drive it with drain()). */
  start(): void;
  /** A request queued mail and committed: look for it after the answer. */
  wake(): void;
  /** Sends everything this process could send, waiting out retries (tests). */
  drain(): Promise<void>;
  /** Stops polling, lets a send in flight finish, and hands its other rows back. */
  close(): Promise<void>;
}

export const MAIL_POLL_INTERVAL_MS = 5_000;
export const MAIL_CLAIM_MS = 15_000;
const BATCH = 10;
const EXPIRED_SWEEP_EVERY_MS = 60_000;

export function createMailOutbox(options: MailOutboxOptions): MailOutbox {
  const { db, log } = options;
  const worker = randomUUID();
  const claimMs = options.claimMs ?? MAIL_CLAIM_MS;
  const job: ClaimJob = {
    db,
    worker,
    log,
    delays: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    claimMs,
    transport: options.transport,
    from: options.from,
    ...(options.prepare ? { prepare: options.prepare } : {}),
  };
  let started = false;
  let closing = false;
  let pass: Promise<void> | null = null;
  let woken = false;
  let lastExpirySweep = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** drain()'s waits for a retry; close() ends them at once. */
  const pendingWaits = new Set<() => void>();

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  async function runPass(): Promise<void> {
    while (!closing) {
      const now = new Date();
      if (now.getTime() - lastExpirySweep > EXPIRED_SWEEP_EVERY_MS) {
        lastExpirySweep = now.getTime();
        await deleteExpiredMail(db, now);
      }
      if (!(await hasDueMail(db, now))) return;
      const until = new Date(now.getTime() + claimMs);
      const rows = await claimDueMail(db, { worker, now, until, limit: BATCH });
      if (rows.length === 0) return;
      // Side by side: one slow mail server connection does not hold up the rest of the batch.
      await Promise.all(
        rows.map(async (row) => {
          const retryAt = await handleClaimedRow(job, row);
          // The retry is this process's to start on time (any other may take it too).
          if (retryAt && started) later(Math.max(0, retryAt.getTime() - Date.now()), wake);
        }),
      );
    }
  }

  /** One pass at a time; a wake during a pass runs another right after it. */
  function runOnce(): Promise<void> {
    if (pass) {
      woken = true;
      return pass;
    }
    pass = runPass()
      .catch((error: unknown) => log.error(describeError(error), "mail outbox pass failed"))
      .finally(() => {
        pass = null;
        if (woken && !closing) {
          woken = false;
          void runOnce();
        }
      });
    return pass;
  }

  function wake(): void {
    if (!started || closing) return;
    // After the answer: the resolver's response goes out before any mail work starts.
    setImmediate(() => void runOnce());
  }

  function poll(): void {
    if (closing) return;
    void runOnce().finally(() => later(options.pollIntervalMs ?? MAIL_POLL_INTERVAL_MS, poll));
  }

  return {
    start() {
      if (started) return;
      started = true;
      poll();
    },
    wake,
    async drain() {
      for (;;) {
        while (pass) await pass;
        await runOnce();
        const due = await nextMailDue(db, worker, new Date());
        if (!due || closing) return;
        // At least a moment: a row this process still holds is not due again before its claim ends.
        const wait = Math.max(5, due.getTime() - Date.now());
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            pendingWaits.delete(done);
            resolve();
          };
          const timer = setTimeout(done, wait);
          pendingWaits.add(done);
        });
      }
    },
    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const stopWaiting of [...pendingWaits]) stopWaiting();
      while (pass) await pass;
      await releaseMailClaims(db, worker).catch((error: unknown) =>
        log.error(describeError(error), "mail claims not released"),
      );
      options.transport.close();
    },
  };
}

function describeError(error: unknown) {
  return { error: error instanceof Error ? error.message : String(error) };
}
