// The forgotten-password flow: ask for a link by email, then trade the link's token for a new
// password and a fresh session.
import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@folio/db";
import { hashPassword } from "../auth/passwords.js";
import type { Context } from "../context.js";
import { endAllSessions, startSession } from "../sessions/index.js";
import {
  generateAccountToken,
  peekAccountToken,
  redeemAccountToken,
} from "../shared/account-tokens.js";
import { accountSuspended } from "../shared/errors.js";
import type { Ok, Session } from "../shared/shapes.js";
import { sendPasswordReset, sendPasswordWasResetNotice } from "./account-mail.js";
import { badAccountToken } from "./bad-token.js";

/**
 * Same answer and same work before it for any address: both limits count, one lookup, one
 * token generated. Only a known account gets the token stored and mailed, after the answer.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<Ok> {
  await ctx.limits.beginPasswordReset(ctx.clientIp, email);
  const fresh = generateAccountToken();
  const user = await findUserByEmail(ctx.db, email);
  // A suspended account gets no link (the answer is the same: nothing tells it apart).
  if (user && user.suspended_at === null) sendPasswordReset(ctx.db, ctx.mail, user, fresh);
  return { ok: true };
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
  const user = await redeemAccountToken(ctx.db, "password_reset", token, async (trx, owner) => {
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
    return findUserById(trx, owner.userId);
  });
  if (!user) throw badAccountToken();
  sendPasswordWasResetNotice(ctx.mail, user);
  return startSession(ctx, user);
}
