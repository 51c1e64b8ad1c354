// Ending sessions from a signed-in device, each with its event in the same transaction: this
// device (logout), one chosen device (session.ended), the others or all (sessions.ended).
import type { UserRow } from "@folio/db";
import { named, originOf, recordEvent, sessionTarget } from "../activity/index.js";
import type { Context } from "../context.js";
import { endOwnedSession } from "../policy/ownership.js";
import { endAllSessions, endCurrentSession, endOtherSessions } from "../sessions/index.js";
import type { Ok } from "../shared/shapes.js";

type SignedIn = Context & { user: UserRow; sessionId: string };

const byCaller = (ctx: SignedIn) => ({
  actor: named(ctx.user),
  subject: named(ctx.user),
  origin: originOf(ctx),
});

export async function logout(ctx: SignedIn): Promise<Ok> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await endCurrentSession(trx, ctx.user.id, ctx.sessionId);
    if (ended)
      await recordEvent(trx, { action: "logout", target: sessionTarget(ended), ...byCaller(ctx) });
  });
  return { ok: true };
}

/** One of the caller's sessions; NOT_FOUND (nothing changed, nothing recorded) for any other. */
export async function endSession(ctx: SignedIn, sessionId: string): Promise<Ok> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await endOwnedSession(trx, sessionId, ctx.user.id);
    await recordEvent(trx, {
      action: "session.ended",
      target: sessionTarget(ended),
      ...byCaller(ctx),
    });
  });
  return { ok: true };
}

/** Every session but the calling one (`others`), or every one (`all`). */
export async function endSessions(ctx: SignedIn, which: "others" | "all"): Promise<Ok> {
  await ctx.db.transaction().execute(async (trx) => {
    if (which === "others") await endOtherSessions(trx, ctx.user.id, ctx.sessionId);
    else await endAllSessions(trx, ctx.user.id);
    const label = which === "others" ? "every other device" : "every device";
    await recordEvent(trx, {
      action: "sessions.ended",
      target: { type: "session", id: which, label },
      ...byCaller(ctx),
    });
  });
  return { ok: true };
}
