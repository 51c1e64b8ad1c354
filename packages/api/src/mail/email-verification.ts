// Confirming an email address: the link's token marks the address it was sent to as
// confirmed, as long as it is still the account's address.
import { findUserById, markEmailVerified, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import { named, originOf, recordEvent } from "../activity/index.js";
import type { Context } from "../context.js";
import { redeemAccountToken } from "../shared/account-tokens.js";
import type { Ok } from "../shared/shapes.js";
import { queueEmailConfirmation } from "./account-mail.js";
import { badAccountToken } from "./bad-token.js";

export async function verifyEmail(ctx: Context, token: string): Promise<Ok> {
  const verified = await redeemAccountToken(
    ctx.db,
    "email_verification",
    token,
    async (trx, owner) => {
      if (!(await markEmailVerified(trx, owner.userId, owner.email))) return false;
      const user = await findUserById(trx, owner.userId);
      if (!user) return false;
      // Whoever holds the link acts as the account (the mailbox vouches for them).
      await recordEvent(trx, {
        action: "email.verified",
        actor: named(user),
        subject: user,
        origin: originOf(ctx),
      });
      return true;
    },
  );
  // undefined: no such live token; false: the account's address changed since it was sent.
  if (!verified) throw badAccountToken();
  return { ok: true };
}

/** A new link to the current address (older links stop working); counted per account. */
export async function resendVerification(ctx: Context, user: UserRow): Promise<Ok> {
  if (Number(user.email_verified) === 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Your email address is already confirmed.",
    });
  }
  await ctx.limits.beginConfirmationMail(user.id);
  await ctx.db.transaction().execute((trx) => queueEmailConfirmation(trx, ctx.mail, user));
  ctx.mail.outbox.wake();
  return { ok: true };
}
