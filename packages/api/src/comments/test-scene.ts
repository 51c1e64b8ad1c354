// Shared by the comment tests: a site whose owner is out of the way (so everyone signed up here
// is an ordinary author), a published post, and a refusal that names a field.
import { type Role, setUserRole } from "@folio/db";
import type { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { fieldErrorsOf } from "../shared/errors.js";
import type { SignedUp, TestApp } from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";

export interface Scene {
  /** Wrote the post. */
  writer: SignedUp;
  /** Another ordinary account. */
  reader: SignedUp;
  postId: number;
}

export async function commentScene(app: TestApp): Promise<Scene> {
  await app.addSiteOwner();
  const writer = await app.signUp("writer");
  const reader = await app.signUp("reader");
  const post = await writer.as.post.create({ title: "A post", content: "Talk to me." });
  return { writer, reader, postId: post.id };
}

/** Signs up `username` and gives the account `role` (straight in the database). */
export async function signUpAs(app: TestApp, username: string, role: Role): Promise<SignedUp> {
  const person = await app.signUp(username);
  await setUserRole(app.db, person.id, role);
  return person;
}

/** expectRefused, and the error names exactly `field`. */
export async function expectRefusedNaming(
  app: TestApp,
  call: () => Promise<unknown>,
  field: string,
  code: TRPCError["code"] = "BAD_REQUEST",
): Promise<TRPCError> {
  const error = await expectRefused(app.db, call, code);
  expect(Object.keys(fieldErrorsOf(error.cause)?.fieldErrors ?? {})).toEqual([field]);
  return error;
}
