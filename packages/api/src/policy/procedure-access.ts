// Who may call what. Every procedure of the router must be listed here (a test enforces it),
// so none can be added without a decision about who may call it.
export type Access = "public" | "protected" | "owner";

export const procedureAccess = {
  "auth.register": "public",
  "auth.login": "public",
  "auth.logout": "protected",
  "auth.logoutOthers": "protected",
  "auth.logoutAll": "protected",
  "auth.requestPasswordReset": "public",
  "auth.resetPassword": "public",
  "auth.verifyEmail": "public",
  "auth.endSession": "owner",
  "user.me": "protected",
  "user.sessions": "protected",
  "user.byId": "public",
  "user.update": "owner",
  "user.changePassword": "protected",
  "user.resendVerification": "protected",
  "user.delete": "owner",
  "user.setPicture": "owner",
  "user.removePicture": "owner",
  "post.list": "public",
  "post.byUser": "public",
  "post.byId": "public",
  "post.create": "protected",
  "post.update": "owner",
  "post.delete": "owner",
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof procedureAccess;
