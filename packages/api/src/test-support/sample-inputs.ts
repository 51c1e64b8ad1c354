// A valid input for every procedure of the access table, aimed at the fixture owner's objects,
// so a refusal in a generated test is due to the token or the caller, never to the input.
import { type ProcedurePath, procedureAccess } from "../policy/procedure-access.js";
import type { Comment, Post } from "../shared/shapes.js";
import { samplePictureFile } from "./form-input.js";
import { type SignedUp, TEST_PASSWORD, type TestApp } from "./harness.js";

export interface Fixture {
  /** The first account on the database: the site's owner (role), and the owner of the objects. */
  owner: SignedUp;
  /** An admin the owner appointed (the target of a transfer of ownership). */
  deputy: SignedUp;
  /** An ordinary author (the target of the admin procedures). */
  member: SignedUp;
  /** The owner signed in a second time: another device, another session. */
  ownerElsewhere: SignedUp;
  /** A published post written by the owner. */
  post: Post;
  /** A draft of the owner's. */
  draft: Post;
  /** The owner's comment on their published post. */
  comment: Comment;
  /** The owner's live links, read from the mail the app sent. */
  verifyToken: string;
  resetToken: string;
}

export async function createFixture(app: TestApp): Promise<Fixture> {
  const owner = await app.signUp("owner");
  const ownerElsewhere = await app.logIn("owner", "Fixture phone");
  const post = await owner.as.post.create({ title: "Owner's post", content: "Mine." });
  const draft = await owner.as.post.create({
    title: "Owner's draft",
    content: "Not yet.",
    status: "draft",
  });
  const comment = await owner.as.comment.create({ postId: post.id, body: "First!" });
  const deputy = await app.signUp("deputy");
  await owner.as.admin.setRole({ userId: deputy.id, role: "admin" });
  const member = await app.signUp("member");
  const email = owner.session.user.email;
  const verifyToken = await app.lastToken(email, "verify-email");
  await app.caller().auth.requestPasswordReset({ email });
  const resetToken = await app.lastToken(email, "password-reset");
  return {
    owner,
    deputy,
    member,
    ownerElsewhere,
    post,
    draft,
    comment,
    verifyToken,
    resetToken,
  };
}

let registrations = 0;

// `satisfies Record<ProcedurePath, …>`: a procedure added to the access table without a
// sample input here is a type error, so generated tests can never skip it silently.
const sampleInputs = {
  "auth.register": () => {
    registrations += 1;
    const username = `newcomer${registrations}`;
    return { username, email: `${username}@example.com`, password: TEST_PASSWORD };
  },
  "auth.login": () => ({ login: "owner", password: TEST_PASSWORD }),
  "auth.logout": () => undefined,
  "auth.logoutOthers": () => undefined,
  "auth.logoutAll": () => undefined,
  "auth.requestPasswordReset": () => ({ email: "owner@example.com" }),
  "auth.resetPassword": ({ resetToken }) => ({
    token: resetToken,
    newPassword: "a brand new secret",
  }),
  "auth.verifyEmail": ({ verifyToken }) => ({ token: verifyToken }),
  "auth.endSession": ({ ownerElsewhere }) => ({ id: ownerElsewhere.sessionId }),
  "user.me": () => undefined,
  "user.sessions": () => undefined,
  "user.byId": ({ owner }) => ({ id: owner.id }),
  "user.update": ({ owner }) => ({ id: owner.id, username: "renamed" }),
  "user.resendVerification": () => undefined,
  "user.changePassword": () => ({
    currentPassword: TEST_PASSWORD,
    newPassword: "a different secret",
  }),
  "user.delete": ({ owner }) => ({ id: owner.id }),
  // Sent as multipart FormData (test-support/form-input.ts): `id` becomes the text "1".
  "user.setPicture": ({ owner }) => ({ id: owner.id, image: samplePictureFile() }),
  "user.removePicture": ({ owner }) => ({ id: owner.id }),
  "user.activity": () => ({ limit: 5 }),
  "post.list": () => ({ limit: 5 }),
  "post.byUser": ({ owner }) => ({ userId: owner.id }),
  "post.byId": ({ post }) => ({ id: post.id }),
  "post.search": () => ({ q: "owner post" }),
  "post.create": () => ({ title: "A title", content: "Some content" }),
  "post.update": ({ post }) => ({ id: post.id, title: "Changed" }),
  "post.delete": ({ post }) => ({ id: post.id }),
  "post.preview": ({ draft }) => ({ id: draft.id }),
  "post.mine": () => ({ limit: 5 }),
  "post.review": () => ({ limit: 5 }),
  "post.publish": ({ draft }) => ({ id: draft.id }),
  "post.unpublish": ({ post }) => ({ id: post.id }),
  "post.submit": ({ draft }) => ({ id: draft.id }),
  "comment.list": ({ post }) => ({ postId: post.id, limit: 10 }),
  "comment.create": ({ post, comment }) => ({
    postId: post.id,
    parentId: comment.id,
    body: "A reply",
  }),
  "comment.update": ({ comment }) => ({ id: comment.id, body: "Changed my mind" }),
  "comment.delete": ({ comment }) => ({ id: comment.id }),
  "admin.users": () => ({ query: "member" }),
  "admin.setRole": ({ member }) => ({ userId: member.id, role: "editor" }),
  "admin.suspend": ({ member }) => ({ userId: member.id }),
  "admin.unsuspend": ({ member }) => ({ userId: member.id }),
  "admin.deleteUser": ({ member }) => ({ userId: member.id }),
  // No userId: an id that names no account is an empty page, not NOT_FOUND (the events of a
  // deleted account stay readable by admins).
  "admin.audit": () => ({ action: "login.succeeded", limit: 5 }),
  "admin.transferOwnership": ({ deputy }) => ({
    userId: deputy.id,
    currentPassword: TEST_PASSWORD,
  }),
} satisfies Record<ProcedurePath, (fixture: Fixture) => Record<string, unknown> | undefined>;

export function sampleInput(path: string, fixture: Fixture): Record<string, unknown> | undefined {
  const make = sampleInputs[path as ProcedurePath];
  if (!make) throw new Error(`No sample input for ${path}`);
  return make(fixture);
}

export const accessPaths = Object.keys(procedureAccess) as ProcedurePath[];
export const pathsWithAccess = (...kinds: string[]) =>
  accessPaths.filter((path) => kinds.includes(procedureAccess[path]));

/** Every procedure that needs a token, whatever else it needs. */
export const signedInPaths = () => accessPaths.filter((path) => procedureAccess[path] !== "public");
