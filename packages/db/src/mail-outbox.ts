// The mail outbox (ADR 020): a message is stored in the transaction that causes it, then
// claimed by one process at a time with a conditional UPDATE (works alike on SQLite and
// Postgres: of two processes racing for a row, the second's WHERE no longer matches), and
// deleted once sent. Times are ISO strings, compared as such or as timestamptz.
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database, MailOutboxRow } from "./schema.js";
import { sortableId } from "./sortable-id.js";

export interface NewOutboxMessage {
  kind: string;
  recipient: string;
  userId: number | null;
  subject: string;
  text: string;
  html: string;
  expiresAt: Date;
}

export async function insertOutboxMessage(
  db: Kysely<Database>,
  message: NewOutboxMessage,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("mail_outbox")
    .values({
      id: sortableId(now),
      kind: message.kind,
      recipient: message.recipient,
      user_id: message.userId,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      requested_ip: null,
      requested_user_agent: null,
      created_at: now.toISOString(),
      expires_at: message.expiresAt.toISOString(),
      next_attempt_at: now.toISOString(),
      claimed_by: null,
      claimed_until: null,
    })
    .execute();
}

export interface NewMailRequest {
  kind: string;
  /** The address as typed (normalised); whether an account has it is decided when prepared. */
  recipient: string;
  ip: string | null;
  userAgent: string | null;
  expiresAt: Date;
}

/** A message still to be prepared by whichever process claims it (a password-reset request). */
export async function insertMailRequest(
  db: Kysely<Database>,
  request: NewMailRequest,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("mail_outbox")
    .values({
      id: sortableId(now),
      kind: request.kind,
      recipient: request.recipient,
      user_id: null,
      subject: null,
      text_body: null,
      html_body: null,
      requested_ip: request.ip,
      requested_user_agent: request.userAgent,
      created_at: now.toISOString(),
      expires_at: request.expiresAt.toISOString(),
      next_attempt_at: now.toISOString(),
      claimed_by: null,
      claimed_until: null,
    })
    .execute();
}

/** Nobody holds it, or the one who did let its claim run out (a killed process). */
const claimable = (now: string) => (eb: ExpressionBuilder<Database, "mail_outbox">) =>
  eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]);

/** Whether any message is due now (a read, so an idle poll takes no write lock). */
export async function hasDueMail(db: Kysely<Database>, now: Date): Promise<boolean> {
  const iso = now.toISOString();
  const row = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where("next_attempt_at", "<=", iso)
    .where("expires_at", ">", iso)
    .where(claimable(iso))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface Claim {
  worker: string;
  now: Date;
  until: Date;
  limit: number;
}

/**
 * Claims up to `limit` due messages for `worker` until `until`, oldest first. The claim
 * condition is repeated in the UPDATE's own WHERE: a row another process claimed in between
 * (Postgres re-checks it after the other's commit; SQLite has one writer) is not taken.
 */
export function claimDueMail(db: Kysely<Database>, claim: Claim): Promise<MailOutboxRow[]> {
  const now = claim.now.toISOString();
  return db
    .updateTable("mail_outbox")
    .set({ claimed_by: claim.worker, claimed_until: claim.until.toISOString() })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("mail_outbox")
        .select("id")
        .where("next_attempt_at", "<=", now)
        .where("expires_at", ">", now)
        .where(claimable(now))
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(claim.limit),
    )
    .where(claimable(now))
    .where("expires_at", ">", now)
    .returningAll()
    .execute();
}

export interface PreparedMessage {
  userId: number;
  subject: string;
  text: string;
  html: string;
  expiresAt: Date;
}

/** Turns a claimed request into a message; false when the claim was lost (nothing written). */
export async function fillClaimedRequest(
  db: Kysely<Database>,
  id: string,
  worker: string,
  message: PreparedMessage,
): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({
      user_id: message.userId,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      expires_at: message.expiresAt.toISOString(),
      requested_ip: null,
      requested_user_agent: null,
    })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a message this worker holds (sent, given up on, or a request for no account). */
export async function deleteClaimedMail(
  db: Kysely<Database>,
  id: string,
  worker: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("mail_outbox")
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Extends this worker's claim on a message it is still sending (a slow mail server). */
export async function renewMailClaim(
  db: Kysely<Database>,
  id: string,
  worker: string,
  until: Date,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ claimed_until: until.toISOString() })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Releases a message after a failed attempt: anyone may try it again from `nextAttemptAt`. */
export async function scheduleMailRetry(
  db: Kysely<Database>,
  id: string,
  worker: string,
  attempts: number,
  nextAttemptAt: Date,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({
      attempts,
      next_attempt_at: nextAttemptAt.toISOString(),
      claimed_by: null,
      claimed_until: null,
    })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Hands back every message `worker` still holds (a clean stop): another process sends them. */
export async function releaseMailClaims(db: Kysely<Database>, worker: string): Promise<number> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ claimed_by: null, claimed_until: null })
    .where("claimed_by", "=", worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes every unsent message whose link expired by `now`; returns how many. */
export async function deleteExpiredMail(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom("mail_outbox")
    .where("expires_at", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * What `worker` could still send: messages not expired and not held by another process. The
 * earliest time one of them is due, or null when there is none (tests wait for the outbox).
 */
export async function nextMailDue(
  db: Kysely<Database>,
  worker: string,
  now: Date,
): Promise<Date | null> {
  const iso = now.toISOString();
  const row = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.min("next_attempt_at").as("due"))
    .where("expires_at", ">", iso)
    .where((eb) => eb.or([claimable(iso)(eb), eb("claimed_by", "=", worker)]))
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : null;
}
