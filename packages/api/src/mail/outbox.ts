// The outbox worker (ADR 020): messages are rows written in the transaction that caused them;
// every server process runs this loop, and whichever claims a row first sends it. A request
// wakes the loop after its answer; a poll picks up retries, other processes' leftovers and the
// rows of a process that died holding them (their claim runs out). Nothing lives only in memory.
import { randomUUID } from "node:crypto";
import {
  claimDueMail,
  type Database,
  deleteClaimedMail,
  deleteExpiredMail,
  hasDueMail,
  type MailOutboxRow,
  nextMailDue,
  releaseMailClaims,
  renewMailClaim,
} from "@folio/db";
import type { Kysely, Transaction } from "kysely";
import {
  type Attempt,
  DEFAULT_RETRY_DELAYS_MS,
  deliver,
  failedAttempt,
  type MailLog,
  messageOf,
} from "./delivery.js";
import type { OutgoingMail } from "./templates.js";
import type { MailTransport } from "./transport.js";

/**
 * Turns a claimed request into a message inside `trx` (and fills the row with it), or null when
 * there is none to send (the outbox then deletes the request in the same transaction).
 */
export type PrepareRequest = (
  trx: Transaction<Database>,
  row: MailOutboxRow,
  worker: string,
) => Promise<OutgoingMail | null>;

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
  const attempt: Attempt = {
    db,
    worker,
    log,
    delays: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
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

  async function handle(row: MailOutboxRow): Promise<Date | null> {
    let message: OutgoingMail | null = messageOf(row);
    if (row.text_body === null) {
      const prepare = options.prepare;
      try {
        message = await db.transaction().execute(async (trx) => {
          const prepared = prepare ? await prepare(trx, row, worker) : null;
          // Nothing to send (no such account): the request goes, with whatever it held.
          if (!prepared) await deleteClaimedMail(trx, row.id, worker);
          return prepared;
        });
      } catch (error) {
        return failedAttempt(attempt, row, error, [], "prepared");
      }
      if (!message) return null;
    }
    // A slow mail server must not let the claim run out while the send is still going.
    const renew = setInterval(() => {
      const until = new Date(Date.now() + claimMs);
      renewMailClaim(db, row.id, worker, until).catch(() => {});
    }, claimMs / 3);
    try {
      return await deliver(attempt, row, message, options.transport, options.from);
    } finally {
      clearInterval(renew);
    }
  }

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
          const retryAt = await handle(row);
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
