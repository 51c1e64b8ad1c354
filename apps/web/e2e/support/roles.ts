// Accounts of a given role for browser tests: registered (as an author), then given the role
// by the site's owner through admin.setRole, as an admin would.
import type { Session } from "@folio/api";
import type { SetRoleInput } from "@folio/api/schemas";
import { apiClient, registerUser } from "./api";
import type { Folio } from "./folio";

export type AssignableRole = SetRoleInput["role"];

/** A new account with `role`; its `user.role` says so, as the SPA's stored session would. */
export async function registerWithRole(
  folio: Folio,
  role: AssignableRole,
  prefix: string = role,
): Promise<Session> {
  const session = await registerUser(folio.url, prefix);
  if (role === "author") return session;
  const changed = await setRole(folio, session.user.id, role);
  return { ...session, user: { ...session.user, role: changed } };
}

/** Changes an account's role as the owner; resolves with the role the server now reports. */
export async function setRole(folio: Folio, userId: number, role: AssignableRole) {
  const user = await apiClient(folio.url, folio.owner.accessToken).admin.setRole.mutate({
    userId,
    role,
  });
  return user.role;
}
