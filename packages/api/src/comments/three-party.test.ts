// The three parties of API.md "Comments" as a matrix: the comment's author, the post's author,
// an editor, an admin and another reader, each trying to edit and to delete one comment. Only the
// author edits; the author, the post's author and editors and above delete. After a refusal the
// database is exactly as before.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createTestApp,
  describeEachDialect,
  type SignedUp,
  type TestApp,
} from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";
import { signUpAs } from "./test-scene.js";

type Party = "comment's author" | "post's author" | "editor" | "admin" | "another reader";
type Action = "update" | "delete";

/** API.md's rule, written out independently of policy/can.ts. */
const EXPECTED: Record<Action, Record<Party, "ok" | "FORBIDDEN">> = {
  update: {
    "comment's author": "ok",
    "post's author": "FORBIDDEN",
    editor: "FORBIDDEN",
    admin: "FORBIDDEN",
    "another reader": "FORBIDDEN",
  },
  delete: {
    "comment's author": "ok",
    "post's author": "ok",
    editor: "ok",
    admin: "ok",
    "another reader": "FORBIDDEN",
  },
};

const cells = (["update", "delete"] as const).flatMap((action) =>
  (Object.keys(EXPECTED[action]) as Party[]).map(
    (party) => [action, party, EXPECTED[action][party]] as const,
  ),
);

describeEachDialect("comment × party × action", (dialect) => {
  let app: TestApp;
  let postId: number;
  const people = new Map<Party, SignedUp>();

  beforeAll(async () => {
    app = await createTestApp(dialect);
    await app.addSiteOwner();
    // Readers comment too: the comment's author and the bystander have the lowest role.
    people.set("comment's author", await signUpAs(app, "commenter", "reader"));
    people.set("post's author", await signUpAs(app, "writer", "author"));
    people.set("editor", await signUpAs(app, "editor", "editor"));
    people.set("admin", await signUpAs(app, "admin", "admin"));
    people.set("another reader", await signUpAs(app, "bystander", "reader"));
    const writer = people.get("post's author");
    postId = (await writer?.as.post.create({ title: "Post", content: "Words" }))?.id ?? 0;
  });
  afterAll(() => app.close());

  const person = (party: Party): SignedUp => {
    const found = people.get(party);
    if (!found) throw new Error(party);
    return found;
  };

  it.each(cells)("%s by the %s: %s", async (action, party, outcome) => {
    const comment = await person("comment's author").as.comment.create({ postId, body: "Mine" });
    const actor = person(party).as;
    const call = () =>
      action === "update"
        ? actor.comment.update({ id: comment.id, body: "Changed" })
        : actor.comment.delete({ id: comment.id });
    if (outcome === "FORBIDDEN") {
      await expectRefused(app.db, call, "FORBIDDEN");
      const { items } = await app.caller().comment.list({ postId, limit: 100 });
      expect(items.find((item) => item.id === comment.id)).toEqual(comment);
      return;
    }
    await call();
    const { items } = await app.caller().comment.list({ postId, limit: 100 });
    const after = items.find((item) => item.id === comment.id);
    if (action === "delete") expect(after).toBeUndefined();
    else expect(after).toMatchObject({ body: "Changed", editedAt: expect.any(String) });
  });
});
