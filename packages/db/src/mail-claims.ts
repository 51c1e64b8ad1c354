// Claiming outbox rows (ADR 020): one process at a time holds a row, by a conditional UPDATE
// that works alike on SQLite and Postgres (of two processes racing for a row, the second's
// WHERE no longer matches), until it is sent, put back for a retry, or its claim runs out.
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database, MailOutboxRow } from "./schema.js";

/** Nobody holds it, or the one who did let its claim run out (a killed process). */
export const claimable = (now: string) => (eb: ExpressionBuilder<Database, "mail_outbox">) =>
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
