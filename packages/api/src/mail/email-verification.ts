// Confirming an email address: the link's token marks the address it was sent to as
// confirmed, as long as it is still the account's address.
import { markEmailVerified, type UserRow } from "@folio/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../context.js";
import { redeemAccountToken } from "../shared/account-tokens.js";
import type { Ok } from "../shared/shapes.js";
import { sendEmailConfirmation } from "./account-mail.js";
import { badAccountToken } from "./bad-token.js";

export async function verifyEmail(ctx: Context, token: string): Promise<Ok> {
  const verified = await redeemAccountToken(ctx.db, "email_verification", token, (trx, owner) =>
    markEmailVerified(trx, owner.userId, owner.email),
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
  await sendEmailConfirmation(ctx.db, ctx.mail, user);
  return { ok: true };
}
