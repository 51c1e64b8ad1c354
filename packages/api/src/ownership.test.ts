// Ownership matrix for every owner-only procedure of the access table (issue 6).
import { expect, it } from "vitest";
import { describeEachDialect, freshApp } from "./test-support/harness.js";
import { callPath } from "./test-support/procedures.js";
import { createFixture, pathsWithAccess, sampleInput } from "./test-support/sample-inputs.js";
import { expectRefused } from "./test-support/snapshot.js";

const ownerPaths = pathsWithAccess("owner");

it("has owner-only procedures to check", () => {
  expect(ownerPaths).toEqual([
    "user.update",
    "user.delete",
    "user.setPicture",
    "user.removePicture",
    "post.update",
    "post.delete",
  ]);
});

describeEachDialect("ownership", (dialect) => {
  it.each(ownerPaths)("refuses %s on another user's object with FORBIDDEN", async (path) => {
    const app = await freshApp(dialect);
    const fixture = await createFixture(app);
    const intruder = await app.signUp("intruder");
    await expectRefused(
      app.db,
      () => callPath(intruder.as, path, sampleInput(path, fixture)),
      "FORBIDDEN",
    );
  });

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
          () => callPath(caller, path, { ...input, id: 999_999 }),
          "NOT_FOUND",
        );
      }
    },
  );
});
