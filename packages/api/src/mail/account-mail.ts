// What Folio mails about an account, as the routers ask for it: each function issues the token
// it needs (if any), renders the message and stores it in the outbox, inside the caller's
// transaction, so the mail exists exactly when the change that causes it does. Sending comes
// after the answer (outbox.ts); the caller wakes the outbox once its transaction committed.
import { type Database, insertMailRequest, insertOutboxMessage, type UserRow } from "@folio/db";
import type { Kysely, Transaction } from "kysely";
import { type AccountTokenSettings, issueAccountToken } from "../shared/account-tokens.js";
import type { MailOutbox } from "./outbox.js";
import {
  emailChangedNotice,
  type OutgoingMail,
  passwordChangedNotice,
  passwordWasResetNotice,
  verifyEmailMessage,
} from "./templates.js";

export interface MailDeps {
  /** Where messages wait until a process sends them. */
  outbox: MailOutbox;
  /** The origin links start with, without a trailing slash. */
  publicUrl: string;
  tokens: AccountTokenSettings;
}

/** What rendering a link needs. */
export type MailLinks = Pick<MailDeps, "publicUrl" | "tokens">;

export const resetLink = (mail: MailLinks, token: string) =>
  `${mail.publicUrl}/reset-password#token=${token}`;
export const verifyLink = (mail: MailLinks, token: string) =>
  `${mail.publicUrl}/verify-email#token=${token}`;

/** A notice carries no link; one still unsent after this is not worth sending. */
const NOTICE_LIFETIME_MS = 24 * 60 * 60 * 1000;

function queue(trx: Transaction<Database>, message: OutgoingMail, userId: number, expiresAt: Date) {
  return insertOutboxMessage(trx, {
    kind: message.kind,
    recipient: message.to,
    userId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    expiresAt,
  });
}

const noticeExpiry = () => new Date(Date.now() + NOTICE_LIFETIME_MS);

/** A confirmation link to the user's current address (older links stop working). */
export async function queueEmailConfirmation(
  trx: Transaction<Database>,
  mail: MailLinks,
  user: UserRow,
): Promise<void> {
  const owner = { userId: user.id, email: user.email };
  const { token, expiresAt } = await issueAccountToken(
    trx,
    mail.tokens,
    "email_verification",
    owner,
  );
  const message = verifyEmailMessage(user, verifyLink(mail, token), mail.tokens.verifyTtlSeconds);
  await queue(trx, message, user.id, expiresAt);
}

/**
 * A reset asked for `email`, stored as a request: whether an account has that address is
 * decided when it is prepared, after the answer (password-reset.ts), so a known and an unknown
 * address cost the same before it.
 */
export function queuePasswordResetRequest(
  db: Kysely<Database>,
  mail: MailLinks,
  email: string,
  origin: { ip: string | null; userAgent: string | null },
): Promise<void> {
  return insertMailRequest(db, {
    kind: "password-reset",
    recipient: email,
    ...origin,
    expiresAt: new Date(Date.now() + mail.tokens.resetTtlSeconds * 1000),
  });
}

export function queuePasswordChangedNotice(trx: Transaction<Database>, user: UserRow) {
  return queue(trx, passwordChangedNotice(user), user.id, noticeExpiry());
}

export function queuePasswordWasResetNotice(trx: Transaction<Database>, user: UserRow) {
  return queue(trx, passwordWasResetNotice(user), user.id, noticeExpiry());
}

/** To the old address, no link; the new address gets its own confirmation. */
export function queueEmailChangedNotice(
  trx: Transaction<Database>,
  oldEmail: string,
  user: UserRow,
) {
  return queue(
    trx,
    emailChangedNotice(oldEmail, user.username, user.email),
    user.id,
    noticeExpiry(),
  );
}
