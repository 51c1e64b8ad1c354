// Who may call what: every procedure of the router is listed here (a test enforces it, and
// generated tests check each entry against the running router), so none can be added without
// a decision about who may call it.
//   public       no token; the Authorization header is ignored
//   protected    any signed-in account that is not suspended
//   self         signed in, and only on their own account or session (ownership.ts)
//   post-policy  signed in, then can(user, action, post) on the one post (can.ts): NOT_FOUND
//                when they may not see it, FORBIDDEN when they may see but not act
//   comment-policy  signed in, then canComment(user, action, comment) on the one comment
//                (can.ts): NOT_FOUND when it is deleted or its post is not published (the public
//                scope), FORBIDDEN when it may be seen but not changed by this account
//   contributor, editor, admin, owner
//                signed in with that role or above (roles.ts), before anything else is read
import type { Role } from "./roles.js";

export type Access =
  | "public"
  | "protected"
  | "self"
  | "post-policy"
  | "comment-policy"
  | Exclude<Role, "reader" | "author">;

export const procedureAccess = {
  "auth.register": "public",
  "auth.login": "public",
  "auth.logout": "protected",
  "auth.logoutOthers": "protected",
  "auth.logoutAll": "protected",
  "auth.requestPasswordReset": "public",
  "auth.resetPassword": "public",
  "auth.verifyEmail": "public",
  "auth.endSession": "self",
  "user.me": "protected",
  "user.sessions": "protected",
  "user.byId": "public",
  "user.update": "self",
  "user.changePassword": "protected",
  "user.resendVerification": "protected",
  "user.delete": "self",
  "user.setPicture": "self",
  "user.removePicture": "self",
  "user.activity": "protected",
  "post.list": "public",
  "post.byUser": "public",
  "post.byId": "public",
  "post.search": "public",
  "post.preview": "post-policy",
  "post.mine": "protected",
  "post.review": "editor",
  "post.create": "contributor",
  "post.update": "post-policy",
  "post.publish": "post-policy",
  "post.unpublish": "post-policy",
  "post.submit": "post-policy",
  "post.delete": "post-policy",
  "comment.list": "public",
  "comment.create": "protected",
  "comment.update": "comment-policy",
  "comment.delete": "comment-policy",
  "admin.users": "admin",
  "admin.setRole": "admin",
  "admin.suspend": "admin",
  "admin.unsuspend": "admin",
  "admin.deleteUser": "admin",
  "admin.audit": "admin",
  "admin.transferOwnership": "owner",
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof procedureAccess;

/** The roles that gate a procedure before anything else is read. */
export const ROLE_GATES = ["contributor", "editor", "admin", "owner"] as const satisfies Access[];
