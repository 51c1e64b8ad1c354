// Starting and ending sessions, in one place each, so the routers (login, registration,
// password change and reset, logout) never spell out how a session is represented.
import { bumpTokenVersion, type Database, type UserRow } from "@folio/db";
import type { Kysely } from "kysely";
import type { Context } from "../context.js";
import { type Session, toPrivateUser } from "../dto.js";
import { issueAccessToken } from "./tokens.js";

/** A new session for `user` (as loaded after any change that ended the older ones). */
export async function issueSession(ctx: Pick<Context, "auth">, user: UserRow): Promise<Session> {
  const token = await issueAccessToken(ctx.auth, user.id, user.token_version);
  return { ...token, tokenType: "bearer", user: toPrivateUser(user) };
}

/** Ends every session of the user at once, on every server process. */
export async function endAllSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await bumpTokenVersion(db, userId);
}
