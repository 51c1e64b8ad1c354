// How to fuzz each procedure: a valid input (to corrupt one field at a time), the kind of each
// field, which token to send, and an input that is valid but names nothing (→ NOT_FOUND).
// `satisfies Record<ProcedurePath, …>` plus a runtime check: a new procedure without a model
// fails typecheck and the fuzz test.
import type { ProcedurePath } from "@folio/api";
import type { FieldKind } from "./hostile-values.js";

export interface FuzzFixture {
  /** The user whose token protected procedures run with. */
  fuzzer: { id: number; username: string; password: string; accessToken: string };
  /** A post of the fuzzer's. */
  postId: number;
  /** The fuzzer's comment on that post. */
  commentId: number;
  /** Another account (the target of the admin procedures). */
  memberId: number;
}

export interface FuzzModel {
  /** "fresh": a new login per call (the procedure revokes the token it is called with). */
  token: "none" | "fuzzer" | "fresh";
  /**
   * "form": the input travels as a multipart FormData (user.setPicture): each field a text
   * part, bytes (Uint8Array) a file part. Default "json".
   */
  body?: "json" | "form";
  /** A valid input, or undefined for a procedure that takes none. */
  valid: (fixture: FuzzFixture) => Record<string, unknown> | undefined;
  fields: Record<string, FieldKind>;
  /** A valid input naming an object that does not exist. */
  missing?: (fixture: FuzzFixture, id: number) => Record<string, unknown>;
}

const text = (max: number): FieldKind => ({ type: "text", max });
/** A small valid PNG (8x8): the file of a valid picture form. */
const SMALL_PNG = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWNQWlWOFTEMLQkAeFlQwYvuevQAAAAASUVORK5CYII=",
    "base64",
  ),
);
const int: FieldKind = { type: "int" };
// A null cursor is the first page (tRPC's infinite queries send it), so null is not "wrong".
const page: Record<string, FieldKind> = {
  limit: { type: "int", max: 50 },
  cursor: { type: "text", max: 200, nullable: true },
  direction: { type: "literal", value: "forward" },
};
/** Comments come up to 100 a page. */
const commentPage: Record<string, FieldKind> = { ...page, limit: { type: "int", max: 100 } };

export const fuzzModels = {
  "auth.register": {
    token: "none",
    valid: () => ({
      username: "fuzz_new",
      email: "fuzz_new@example.com",
      password: "x".repeat(12),
    }),
    fields: { username: text(50), email: text(120), password: text(128) },
  },
  "auth.login": {
    token: "none",
    valid: ({ fuzzer }) => ({ login: fuzzer.username, password: fuzzer.password }),
    fields: { login: text(120), password: text(128) },
  },
  "auth.logout": { token: "fresh", valid: () => undefined, fields: {} },
  "auth.logoutOthers": { token: "fresh", valid: () => undefined, fields: {} },
  "auth.logoutAll": { token: "fresh", valid: () => undefined, fields: {} },
  "auth.requestPasswordReset": {
    token: "none",
    valid: () => ({ email: "fuzzer@example.com" }),
    fields: { email: text(120) },
  },
  // A well-formed token that was never issued: the schema is what the fuzzing aims at.
  "auth.resetPassword": {
    token: "none",
    valid: () => ({ token: "A".repeat(43), newPassword: "z".repeat(12) }),
    fields: { token: text(43), newPassword: text(128) },
  },
  "auth.verifyEmail": {
    token: "none",
    valid: () => ({ token: "A".repeat(43) }),
    fields: { token: text(43) },
  },
  "user.resendVerification": { token: "fuzzer", valid: () => undefined, fields: {} },
  // A well-formed id that names no session: a valid call ends nothing, so the fuzzer's token
  // can be used; an id of nothing (or of someone else's session) is a 404.
  "auth.endSession": {
    token: "fuzzer",
    valid: () => ({ id: "fuzzSessionIdOfNobody0000" }),
    fields: { id: text(64) },
    missing: (_, id) => ({ id: `missingSession${id}` }),
  },
  "user.me": { token: "fuzzer", valid: () => undefined, fields: {} },
  "user.sessions": { token: "fuzzer", valid: () => undefined, fields: {} },
  "user.activity": { token: "fuzzer", valid: () => ({ limit: 10 }), fields: page },
  "user.byId": {
    token: "none",
    valid: ({ fuzzer }) => ({ id: fuzzer.id }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "user.update": {
    token: "fuzzer",
    valid: ({ fuzzer }) => ({ id: fuzzer.id, username: "renamed_fuzzer", email: "r@example.com" }),
    fields: { id: int, username: text(50), email: text(120) },
    missing: (_, id) => ({ id, username: "renamed_fuzzer" }),
  },
  "user.changePassword": {
    token: "fuzzer",
    valid: ({ fuzzer }) => ({ currentPassword: fuzzer.password, newPassword: "y".repeat(12) }),
    fields: { currentPassword: text(128), newPassword: text(128) },
  },
  "user.delete": {
    token: "fuzzer",
    valid: ({ fuzzer }) => ({ id: fuzzer.id }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "user.setPicture": {
    token: "fuzzer",
    body: "form",
    valid: ({ fuzzer }) => ({ id: String(fuzzer.id), image: SMALL_PNG }),
    fields: { id: { type: "formId" }, image: { type: "file" } },
    missing: (_, id) => ({ id: String(id), image: SMALL_PNG }),
  },
  "user.removePicture": {
    token: "fuzzer",
    valid: ({ fuzzer }) => ({ id: fuzzer.id }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "post.list": { token: "none", valid: () => ({ limit: 5 }), fields: page },
  "post.byUser": {
    token: "none",
    valid: ({ fuzzer }) => ({ userId: fuzzer.id, limit: 5 }),
    fields: { userId: int, ...page },
    missing: (_, id) => ({ userId: id }),
  },
  "post.byId": {
    token: "none",
    valid: ({ postId }) => ({ id: postId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  // Any text is a valid q to the schema; one with no word to search for is a 400 naming q.
  "post.search": {
    token: "none",
    valid: () => ({ q: "fixture" }),
    fields: { q: text(200), ...page },
  },
  "post.create": {
    token: "fuzzer",
    valid: () => ({ title: "Fuzz title", content: "Fuzz content" }),
    fields: { title: text(100), content: text(20_000) },
  },
  "post.update": {
    token: "fuzzer",
    valid: ({ postId }) => ({ id: postId, title: "Changed", content: "Changed too" }),
    fields: { id: int, title: text(100), content: text(20_000) },
    missing: (_, id) => ({ id, title: "Changed" }),
  },
  "post.delete": {
    token: "fuzzer",
    valid: ({ postId }) => ({ id: postId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "post.preview": {
    token: "fuzzer",
    valid: ({ postId }) => ({ id: postId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "post.mine": {
    token: "fuzzer",
    valid: () => ({ status: "draft", limit: 10 }),
    fields: {
      status: { type: "oneOf", values: ["draft", "pending", "scheduled", "published"] },
      ...page,
    },
  },
  "post.review": { token: "fuzzer", valid: () => ({ limit: 10 }), fields: page },
  "post.publish": {
    token: "fuzzer",
    valid: ({ postId }) => ({
      id: postId,
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    fields: { id: int, publishAt: text(40) },
    missing: (_, id) => ({ id }),
  },
  "post.unpublish": {
    token: "fuzzer",
    valid: ({ postId }) => ({ id: postId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "post.submit": {
    token: "fuzzer",
    valid: ({ postId }) => ({ id: postId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  "comment.list": {
    token: "none",
    valid: ({ postId }) => ({ postId, limit: 20 }),
    fields: { postId: int, ...commentPage },
    missing: (_, id) => ({ postId: id }),
  },
  // A valid call writes a reply; the fuzzing server's comment limit is off.
  "comment.create": {
    token: "fuzzer",
    valid: ({ postId, commentId }) => ({ postId, parentId: commentId, body: "Fuzz reply" }),
    fields: { postId: int, parentId: { type: "int", nullable: true }, body: text(5_000) },
    missing: (_, id) => ({ postId: id, body: "Anyone?" }),
  },
  "comment.update": {
    token: "fuzzer",
    valid: ({ commentId }) => ({ id: commentId, body: "Changed" }),
    fields: { id: int, body: text(5_000) },
    missing: (_, id) => ({ id, body: "Changed" }),
  },
  "comment.delete": {
    token: "fuzzer",
    valid: ({ commentId }) => ({ id: commentId }),
    fields: { id: int },
    missing: (_, id) => ({ id }),
  },
  // The fuzzer is the first account, so the owner: every admin procedure reaches its schema.
  "admin.users": {
    token: "fuzzer",
    valid: () => ({ query: "fuzz", limit: 10 }),
    fields: { query: text(120), ...page },
  },
  "admin.setRole": {
    token: "fuzzer",
    valid: ({ memberId }) => ({ userId: memberId, role: "editor" }),
    fields: {
      userId: int,
      role: { type: "oneOf", values: ["reader", "contributor", "author", "editor", "admin"] },
    },
    missing: (_, id) => ({ userId: id, role: "editor" }),
  },
  "admin.suspend": {
    token: "fuzzer",
    valid: ({ memberId }) => ({ userId: memberId }),
    fields: { userId: int },
    missing: (_, id) => ({ userId: id }),
  },
  "admin.unsuspend": {
    token: "fuzzer",
    valid: ({ memberId }) => ({ userId: memberId }),
    fields: { userId: int },
    missing: (_, id) => ({ userId: id }),
  },
  "admin.deleteUser": {
    token: "fuzzer",
    valid: ({ memberId }) => ({ userId: memberId }),
    fields: { userId: int },
    missing: (_, id) => ({ userId: id }),
  },
  // No `missing`: a userId that names no account is an empty page (a deleted account's events
  // stay readable by admins).
  "admin.audit": {
    token: "fuzzer",
    valid: ({ memberId }) => ({ userId: memberId, action: "login.failed", limit: 10 }),
    fields: {
      userId: int,
      action: { type: "oneOf", values: ["login.failed", "account.created", "role.changed"] },
      ...page,
    },
  },
  "admin.transferOwnership": {
    token: "fuzzer",
    valid: ({ memberId, fuzzer }) => ({ userId: memberId, currentPassword: fuzzer.password }),
    fields: { userId: int, currentPassword: text(128) },
    missing: ({ fuzzer }, id) => ({ userId: id, currentPassword: fuzzer.password }),
  },
} satisfies Record<ProcedurePath, FuzzModel>;

export function fuzzModelOf(path: string): FuzzModel | undefined {
  return (fuzzModels as Record<string, FuzzModel>)[path];
}
