// The six roles of API.md, lowest first, and what each may do: the one table of permissions.
// Object rules (whose post, in which state) are in can.ts; who sees which posts in visibility.ts.
import type { Role } from "@folio/db";

export type { Role };

/** Every role, lowest first: a role may do everything the roles before it may. */
export const ROLES = ["reader", "contributor", "author", "editor", "admin", "owner"] as const;

/** The roles an admin may give (`owner` is reached only by a transfer). */
export const ASSIGNABLE_ROLES = ["reader", "contributor", "author", "editor", "admin"] as const;

/**
 * What each permission needs, at least (API.md "Roles"). Anything a reader may do (comment,
 * delete their own posts and comments) needs no entry: a signed-in account suffices.
 */
export const PERMISSIONS = {
  /** Create drafts and pending posts; edit own posts that are not live or scheduled; submit. */
  "post.write": "contributor",
  /** Create published or scheduled posts; edit, publish, schedule and unpublish own posts. */
  "post.publishOwn": "author",
  /** See, edit, publish, unpublish and delete anyone's posts; the review queue; any comment. */
  "post.moderate": "editor",
  /** admin.*: list users, set roles, suspend, delete users, read every audit event. */
  "admin.manage": "admin",
  /** admin.transferOwnership. */
  "admin.transferOwnership": "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

const rank = (role: Role): number => ROLES.indexOf(role);

/** True when `role` is `minimum` or above it. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank(role) >= rank(minimum);
}

/** True when an account of this role has the permission. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

/** A role read from the database; anything unexpected counts as the lowest role. */
export function asRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : "reader";
}
