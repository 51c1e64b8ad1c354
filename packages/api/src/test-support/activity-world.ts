// A small site for the activity tests: the owner, an editor, an author (alice) with a post and
// a second device, and helpers to read the events written since a point.
import { expect } from "vitest";
import type { AuditEvent } from "../activity/audit-event.js";
import { toAuditEvent } from "../activity/audit-event.js";
import type { SignedUp, TestApp } from "./harness.js";

export const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

export interface World {
  owner: SignedUp;
  editor: SignedUp;
  alice: SignedUp;
  /** Alice signed in on another device (Firefox). */
  alicePhone: SignedUp;
  post: { id: number; title: string };
}

export async function buildWorld(app: TestApp): Promise<World> {
  const owner = await app.signUp("owner");
  const editor = await app.signUp("editor");
  await owner.as.admin.setRole({ userId: editor.id, role: "editor" });
  const alice = await app.signUp("alice");
  const alicePhone = await app.logIn("alice", FIREFOX);
  const post = await alice.as.post.create({ title: "Alice's post", content: "Her words." });
  await app.mail.drain();
  return { owner, editor, alice, alicePhone, post: { id: post.id, title: post.title } };
}

/** Every event, oldest first. */
export async function allEvents(app: TestApp): Promise<AuditEvent[]> {
  const rows = await app.db.selectFrom("audit_events").selectAll().orderBy("id").execute();
  return rows.map(toAuditEvent);
}

/** Marks now; `since()` returns the events written after it (mail prepared first). */
export async function eventMark(app: TestApp) {
  await app.mail.drain();
  const before = new Set((await allEvents(app)).map((event) => event.id));
  return {
    async since(): Promise<AuditEvent[]> {
      await app.mail.drain();
      return (await allEvents(app)).filter((event) => !before.has(event.id));
    },
  };
}

/** `action actor→subject`, the compact form the table compares. */
export const brief = (event: AuditEvent) =>
  `${event.action} ${event.actor?.username ?? "-"}→${event.subject?.username ?? "-"}`;

export function expectIsoTime(value: string) {
  expect(new Date(value).toISOString()).toBe(value);
}
