// Ownership matrix for every owner-only procedure of the access table (issue 6): accounts,
// sessions, posts and comments.
import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { callPath } from "../test-support/procedures.js";
import { createFixture, pathsWithAccess, sampleInput } from "../test-support/sample-inputs.js";
import { expectRefused } from "../test-support/snapshot.js";

const ownerPaths = pathsWithAccess("self", "post-policy", "comment-policy");

// Another user's session is NOT_FOUND, like a missing one (API.md): its id is a secret. So is
// another author's draft (the sample of preview, publish and submit): it does not exist for them.
const NOT_FOUND_FOR_OTHERS = ["auth.endSession", "post.preview", "post.publish", "post.submit"];
const othersObjectCode = (path: string) =>
  NOT_FOUND_FOR_OTHERS.includes(path) ? "NOT_FOUND" : "FORBIDDEN";
const missingId = (id: unknown) =>
  typeof id === "string" ? "made-up-session-id-0000000" : 999_999;

it("has owner-only procedures to check", () => {
  expect(ownerPaths).toEqual([
    "auth.endSession",
    "user.update",
    "user.delete",
    "user.setPicture",
    "user.removePicture",
    "post.preview",
    "post.update",
    "post.publish",
    "post.unpublish",
    "post.submit",
    "post.delete",
    "comment.update",
    "comment.delete",
  ]);
});

describeEachDialect("ownership", (dialect) => {
  it.each(ownerPaths)(
    "refuses %s on another user's object (FORBIDDEN, or NOT_FOUND for a session)",
    async (path) => {
      const app = await freshApp(dialect);
      const fixture = await createFixture(app);
      const intruder = await app.signUp("intruder");
      await expectRefused(
        app.db,
        () => callPath(intruder.as, path, sampleInput(path, fixture)),
        othersObjectCode(path),
      );
      // The owner's sessions still work, the one the input named included.
      await expect(fixture.owner.as.user.me()).resolves.toMatchObject({ id: fixture.owner.id });
      await expect(fixture.ownerElsewhere.as.user.me()).resolves.toMatchObject({
        id: fixture.owner.id,
      });
    },
  );

  it.each(ownerPaths)(
    "answers %s on a missing id with NOT_FOUND before FORBIDDEN",
    async (path) => {
      const app = await freshApp(dialect);
      const fixture = await createFixture(app);
      const intruder = await app.signUp("intruder");
      const input = sampleInput(path, fixture);
      if (input?.id === undefined) throw new Error(`${path} takes no id`);
      for (const caller of [intruder.as, fixture.owner.as]) {
        await expectRefused(
          app.db,
          () => callPath(caller, path, { ...input, id: missingId(input.id) }),
          "NOT_FOUND",
        );
      }
    },
  );
});
