// The role × action × post-state matrix of API.md "Roles": every cell is allowed, FORBIDDEN,
// NOT_FOUND (a post the caller may not see) or BAD_REQUEST (a move the state does not allow),
// and after every refusal the database is exactly as before.
import { insertPost, type PostState, type Role } from "@folio/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  createTestApp,
  describeEachDialect,
  type SignedUp,
  type TestApp,
} from "../test-support/harness.js";
import { expectRefused } from "../test-support/snapshot.js";
import { ROLES, roleAtLeast } from "./roles.js";

type Action = "preview" | "update" | "publish" | "unpublish" | "submit" | "delete";
type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";

const ACTIONS: Action[] = ["preview", "update", "publish", "unpublish", "submit", "delete"];
const STATES: PostState[] = ["draft", "pending", "scheduled", "published"];

/** API.md's table, written out independently of policy/can.ts. */
function expected(role: Role, own: boolean, action: Action, state: PostState): Outcome {
  const editor = roleAtLeast(role, "editor");
  const live = state === "published";
  if (!own && !live && !editor) return "NOT_FOUND";
  switch (action) {
    case "preview":
      return "ok";
    case "delete":
      return own || editor ? "ok" : "FORBIDDEN";
    case "update":
      if (editor || (own && roleAtLeast(role, "author"))) return "ok";
      if (own && role === "contributor")
        return state === "draft" || state === "pending" ? "ok" : "FORBIDDEN";
      return "FORBIDDEN";
    case "publish":
    case "unpublish":
      return editor || (own && roleAtLeast(role, "author")) ? "ok" : "FORBIDDEN";
    case "submit":
      if (!own || role === "reader") return "FORBIDDEN";
      return state === "draft" ? "ok" : "BAD_REQUEST";
  }
}

/** What the post looks like after an allowed action (undefined: deleted). */
function stateAfter(action: Action, state: PostState): PostState | undefined {
  switch (action) {
    case "preview":
    case "update":
      return state;
    case "publish":
      return state === "scheduled" ? "published" : "published";
    case "unpublish":
      return "draft";
    case "submit":
      return "pending";
    case "delete":
      return undefined;
  }
}

function call(as: Caller, action: Action, id: number): Promise<unknown> {
  switch (action) {
    case "preview":
      return as.post.preview({ id });
    case "update":
      return as.post.update({ id, title: "Changed by the matrix" });
    case "publish":
      return as.post.publish({ id });
    case "unpublish":
      return as.post.unpublish({ id });
    case "submit":
      return as.post.submit({ id });
    case "delete":
      return as.post.delete({ id });
  }
}

const HOUR = 3_600_000;

/** A post in `state`, written straight to the database (contributors can't publish one). */
async function postIn(app: TestApp, authorId: number, state: PostState): Promise<number> {
  const now = Date.now();
  return insertPost(app.db, {
    authorId,
    title: `A ${state} post`,
    content: "Words.",
    status: state === "scheduled" ? "published" : state,
    publishedAt:
      state === "scheduled"
        ? new Date(now + HOUR).toISOString()
        : state === "published"
          ? new Date(now - HOUR).toISOString()
          : null,
  });
}

describeEachDialect("role × action × state", (dialect) => {
  let app: TestApp;
  const people = new Map<Role, SignedUp>();
  let writer: SignedUp;

  beforeAll(async () => {
    app = await createTestApp(dialect);
    // The first account is the owner; each other role is given by the owner.
    people.set("owner", await app.signUp("owner"));
    for (const role of ROLES.filter((r) => r !== "owner")) {
      const person = await app.signUp(role);
      if (role !== "author")
        await people.get("owner")?.as.admin.setRole({ userId: person.id, role });
      people.set(role, person);
    }
    writer = await app.signUp("writer");
  });
  afterAll(() => app.close());

  for (const role of ROLES) {
    for (const own of [true, false]) {
      describe(`${role}, ${own ? "own" : "someone else's"} post`, () => {
        for (const action of ACTIONS) {
          const cells = STATES.map((state) => [state, expected(role, own, action, state)] as const);
          it.each(cells)(`${action} on a %s post: %s`, async (state, outcome) => {
            const actor = people.get(role);
            if (!actor) throw new Error(role);
            const id = await postIn(app, own ? actor.id : writer.id, state);
            if (outcome === "ok") {
              await call(actor.as, action, id);
              const after = stateAfter(action, state);
              const seen = await people
                .get("owner")
                ?.as.post.preview({ id })
                .catch(() => undefined);
              expect(seen?.status).toBe(after);
              if (action === "update") expect(seen?.title).toBe("Changed by the matrix");
            } else {
              await expectRefused(app.db, () => call(actor.as, action, id), outcome);
            }
          });
        }
      });
    }
  }

  it("lets only contributors and above create posts, and only authors and above publish them", async () => {
    for (const role of ROLES) {
      const actor = people.get(role);
      if (!actor) throw new Error(role);
      const draft = () => actor.as.post.create({ title: "D", content: "d", status: "draft" });
      const published = () => actor.as.post.create({ title: "P", content: "p" });
      if (role === "reader") {
        await expectRefused(app.db, draft, "FORBIDDEN");
        await expectRefused(app.db, published, "FORBIDDEN");
      } else if (role === "contributor") {
        await expect(draft()).resolves.toMatchObject({ status: "draft", publishedAt: null });
        await expectRefused(app.db, published, "FORBIDDEN", /save a draft or submit it for review/);
      } else {
        await expect(published()).resolves.toMatchObject({ status: "published" });
      }
    }
  });

  it("shows the review queue to editors and above only", async () => {
    for (const role of ROLES) {
      const actor = people.get(role);
      if (!actor) throw new Error(role);
      if (roleAtLeast(role, "editor")) await expect(actor.as.post.review()).resolves.toBeDefined();
      else await expectRefused(app.db, () => actor.as.post.review(), "FORBIDDEN");
    }
  });
});
