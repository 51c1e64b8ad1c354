// The forgotten-password flow: ask for a link by email, then trade the link's token for a new
// password and a fresh session.
import {
  fillClaimedRequest,
  findUserByEmail,
  findUserById,
  markEmailVerified,
  setPasswordHash,
} from "@folio/db";
import { named, originOf, recordEvent } from "../activity/index.js";
import { hashPassword } from "../auth/passwords.js";
import type { Context } from "../context.js";
import { endAllSessions, startSession } from "../sessions/index.js";
import {
  generateAccountToken,
  peekAccountToken,
  redeemAccountToken,
  storeAccountToken,
} from "../shared/account-tokens.js";
import { accountSuspended } from "../shared/errors.js";
import type { Ok, Session } from "../shared/shapes.js";
import {
  type MailLinks,
  queuePasswordResetRequest,
  queuePasswordWasResetNotice,
  resetLink,
} from "./account-mail.js";
import { badAccountToken } from "./bad-token.js";
import type { PrepareRequest } from "./outbox.js";
import { passwordResetMessage } from "./templates.js";

/**
 * Same answer and same work before it for any address: both limits count, and the request is
 * stored (so a crash right after the answer loses nothing). Whether an account has the address
 * is looked up after the answer, when the request is prepared.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<Ok> {
  await ctx.limits.beginPasswordReset(ctx.clientIp, email);
  await queuePasswordResetRequest(ctx.db, ctx.mail, email, originOf(ctx));
  ctx.mail.outbox.wake();
  return { ok: true };
}

/**
 * Prepares a claimed reset request in one transaction: for an account that has the address and
 * is not suspended, a token, the security event and the message; for any other, nothing.
 */
export function preparePasswordReset(mail: MailLinks): PrepareRequest {
  return async (trx, row, worker) => {
    const user = await findUserByEmail(trx, row.recipient);
    // No mail to an address without an account, nor to a suspended one (the outbox then
    // deletes the request).
    if (row.kind !== "password-reset" || !user || user.suspended_at !== null) return null;
    const owner = { userId: user.id, email: user.email };
    const fresh = generateAccountToken();
    const expiresAt = await storeAccountToken(trx, mail.tokens, "password_reset", owner, fresh);
    await recordEvent(trx, {
      action: "password.reset.requested",
      actor: null,
      subject: user,
      origin: { ip: row.requested_ip, userAgent: row.requested_user_agent },
      at: new Date(row.created_at),
    });
    const link = resetLink(mail, fresh.token);
    const message = passwordResetMessage(user, link, mail.tokens.resetTtlSeconds);
    const filled = { ...message, userId: user.id, expiresAt };
    // Another process took the request over (this one was too slow): roll back, send nothing.
    if (!(await fillClaimedRequest(trx, row.id, worker, filled))) {
      throw new Error("the reset request was claimed by another process");
    }
    return message;
  };
}

/**
 * Sets the new password, ends every session and starts a new one. The token is checked before
 * the costly hashing (a bad link costs no argon2 run) and consumed in the transaction that
 * changes the password: of two resets racing with one token, exactly one wins.
 */
export async function resetPassword(
  ctx: Context,
  token: string,
  newPassword: string,
): Promise<Session> {
  const live = await peekAccountToken(ctx.db, "password_reset", token);
  if (!live) throw badAccountToken();
  // Only the link's holder gets here: they may learn that the account is suspended.
  if ((await findUserById(ctx.db, live.userId))?.suspended_at != null) throw accountSuspended();
  const passwordHash = await hashPassword(newPassword);
  const session = await redeemAccountToken(ctx.db, "password_reset", token, async (trx, owner) => {
    // A link mailed to an address the account no longer has opens nothing (the token is used
    // up all the same).
    const account = await findUserById(trx, owner.userId);
    if (!account || account.email !== owner.email || account.suspended_at !== null) {
      return undefined;
    }
    await setPasswordHash(trx, owner.userId, passwordHash);
    await endAllSessions(trx, owner.userId);
    // The link reached the mailbox it was sent to: that address is confirmed.
    await markEmailVerified(trx, owner.userId, owner.email);
    const user = await findUserById(trx, owner.userId);
    if (!user) return undefined;
    // Whoever holds the link acts as the account (the mailbox vouches for them).
    await recordEvent(trx, {
      action: "password.reset",
      actor: named(user),
      subject: user,
      origin: originOf(ctx),
    });
    await queuePasswordWasResetNotice(trx, user);
    return startSession({ ...ctx, db: trx }, user);
  });
  if (!session) throw badAccountToken();
  ctx.mail.outbox.wake();
  return session;
}
