// The current-user dependency: token → claims → user row → token version check.
import { findUserById, type UserRow } from "@folio/db";
import type { Context } from "../context.js";
import { unauthenticated } from "../errors.js";
import { verifyAccessToken } from "./tokens.js";

/** The user behind the request's Bearer token; UNAUTHORIZED (one message for every cause). */
export async function authenticate(ctx: Context): Promise<UserRow> {
  if (!ctx.bearerToken) throw unauthenticated();
  const claims = await verifyAccessToken(ctx.auth, ctx.bearerToken);
  if (!claims) throw unauthenticated();
  // Loaded from the database, not trusted from the token: a deleted user or a revoked
  // token version is refused at once.
  const user = await findUserById(ctx.db, claims.userId);
  if (!user || user.token_version !== claims.version) throw unauthenticated();
  return user;
}
