// The mail outbox (ADR 020): a message is stored in the transaction that causes it, claimed by
// one process at a time (mail-claims.ts) and deleted once sent or expired. Times are ISO
// strings, compared as such or as timestamptz.
import type { Insertable, Kysely } from "kysely";
import { claimable } from "./mail-claims.js";
import type { Database } from "./schema.js";
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

/** A message ready to send: its text and HTML written in the transaction that causes it. */
export async function insertOutboxMessage(
  db: Kysely<Database>,
  message: NewOutboxMessage,
  now = new Date(),
): Promise<void> {
  await insertOutboxRow(db, now, message.expiresAt, {
    kind: message.kind,
    recipient: message.recipient,
    user_id: message.userId,
    subject: message.subject,
    text_body: message.text,
    html_body: message.html,
    requested_ip: null,
    requested_user_agent: null,
  });
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
  await insertOutboxRow(db, now, request.expiresAt, {
    kind: request.kind,
    recipient: request.recipient,
    user_id: null,
    subject: null,
    text_body: null,
    html_body: null,
    requested_ip: request.ip,
    requested_user_agent: request.userAgent,
  });
}

type OutboxContent = Pick<
  Insertable<Database["mail_outbox"]>,
  | "kind"
  | "recipient"
  | "user_id"
  | "subject"
  | "text_body"
  | "html_body"
  | "requested_ip"
  | "requested_user_agent"
>;

/** A new row of the outbox: due at once, claimed by nobody, kept until `expiresAt`. */
async function insertOutboxRow(
  db: Kysely<Database>,
  now: Date,
  expiresAt: Date,
  content: OutboxContent,
): Promise<void> {
  await db
    .insertInto("mail_outbox")
    .values({
      id: sortableId(now),
      ...content,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      next_attempt_at: now.toISOString(),
      claimed_by: null,
      claimed_until: null,
    })
    .execute();
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
