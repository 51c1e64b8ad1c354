// One attempt at one claimed message: prepare it if it is a request, send it, then delete it
// (its body holds a live link), or put it back for a retry with backoff, or give up after the
// last retry. Every failure is logged with the message's tokens redacted (a mail server may
// echo anything back).
import {
  type Database,
  deleteClaimedMail,
  type MailOutboxRow,
  renewMailClaim,
  scheduleMailRetry,
} from "@folio/db";
import type { Kysely, Transaction } from "kysely";
import type { MailKind, OutgoingMail } from "./templates.js";
import type { MailTransport } from "./transport.js";

export interface MailLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Waits before each retry; one attempt more than there are delays. */
export const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 30_000] as const;

/** The tokens of the links in a message: what no log line may carry. */
export function secretsOf(message: Pick<OutgoingMail, "text" | "html">): string[] {
  const found = `${message.text}\n${message.html}`.matchAll(/token=([A-Za-z0-9_-]{16,})/g);
  return [...new Set([...found].map((match) => match[1] as string))];
}

/** An error's message and code with every secret replaced. */
export function describeFailure(error: unknown, secrets: readonly string[]) {
  const raw = error instanceof Error ? error.message : String(error);
  const message = secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), raw);
  const code = (error as { code?: unknown; responseCode?: unknown } | null) ?? {};
  return {
    error: message,
    ...(typeof code.code === "string" ? { code: code.code } : {}),
    ...(typeof code.responseCode === "number" ? { responseCode: code.responseCode } : {}),
  };
}

export function messageOf(row: MailOutboxRow): OutgoingMail {
  return {
    kind: row.kind as MailKind,
    to: row.recipient,
    subject: row.subject ?? "",
    text: row.text_body ?? "",
    html: row.html_body ?? "",
  };
}

export interface Attempt {
  db: Kysely<Database>;
  worker: string;
  log: MailLog;
  delays: readonly number[];
}

/**
 * What happened to a claimed row after a failed attempt (sending, or preparing it): put back
 * for another try (returns when it is due), or deleted after the last one (returns null).
 */
export async function failedAttempt(
  attempt: Attempt,
  row: MailOutboxRow,
  error: unknown,
  /** For a send: the message's tokens, redacted from the error's text. */
  secrets: readonly string[],
  stage: "sent" | "prepared",
): Promise<Date | null> {
  const attempts = row.attempts + 1;
  const last = attempts > attempt.delays.length;
  // While preparing, the token being stored is not known here, so nothing of the error's
  // text is logged, only what kind of error it was.
  const failure =
    stage === "sent"
      ? describeFailure(error, secrets)
      : { ...describeFailure(error, []), error: `${(error as Error)?.name ?? "Error"} (hidden)` };
  const details = { mail: row.kind, attempt: attempts, ...failure };
  attempt.log.error(details, `mail not ${stage}; ${last ? "giving up" : "will retry"}`);
  if (last) {
    await deleteClaimedMail(attempt.db, row.id, attempt.worker);
    return null;
  }
  const due = new Date(Date.now() + (attempt.delays[attempts - 1] ?? 0));
  await scheduleMailRetry(attempt.db, row.id, attempt.worker, attempts, due);
  return due;
}

/** Sends `message`; on success the row (and with it the body) is deleted at once. */
export async function deliver(
  attempt: Attempt,
  row: MailOutboxRow,
  message: OutgoingMail,
  transport: MailTransport,
  from: string,
): Promise<Date | null> {
  try {
    await transport.send(from, message);
  } catch (error) {
    return failedAttempt(attempt, row, error, secretsOf(message), "sent");
  }
  await deleteClaimedMail(attempt.db, row.id, attempt.worker);
  return null;
}

/**
 * Turns a claimed request into a message inside `trx` (and fills the row with it), or null when
 * there is none to send (the request is then deleted in the same transaction).
 */
export type PrepareRequest = (
  trx: Transaction<Database>,
  row: MailOutboxRow,
  worker: string,
) => Promise<OutgoingMail | null>;

export interface ClaimJob extends Attempt {
  claimMs: number;
  transport: MailTransport;
  from: string;
  prepare?: PrepareRequest;
}

/** Prepares (a request) and sends one claimed row; when to retry it, or null when done. */
export async function handleClaimedRow(job: ClaimJob, row: MailOutboxRow): Promise<Date | null> {
  let message: OutgoingMail | null = messageOf(row);
  if (row.text_body === null) {
    const { prepare } = job;
    try {
      message = await job.db.transaction().execute(async (trx) => {
        const prepared = prepare ? await prepare(trx, row, job.worker) : null;
        // Nothing to send (no such account): the request goes, with whatever it held.
        if (!prepared) await deleteClaimedMail(trx, row.id, job.worker);
        return prepared;
      });
    } catch (error) {
      return failedAttempt(job, row, error, [], "prepared");
    }
    if (!message) return null;
  }
  // A slow mail server must not let the claim run out while the send is still going.
  const renew = setInterval(() => {
    const until = new Date(Date.now() + job.claimMs);
    renewMailClaim(job.db, row.id, job.worker, until).catch(() => {});
  }, job.claimMs / 3);
  try {
    return await deliver(job, row, message, job.transport, job.from);
  } finally {
    clearInterval(renew);
  }
}
