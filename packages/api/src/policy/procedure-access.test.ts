// The access table is the single list of who may call what; this keeps it honest.
import { expect, it } from "vitest";
import { UNAUTHENTICATED_MESSAGE } from "../shared/errors.js";
import { describeEachDialect, freshApp } from "../test-support/harness.js";
import { callPath, routerPaths } from "../test-support/procedures.js";
import {
  createFixture,
  pathsWithAccess,
  sampleInput,
  signedInPaths,
} from "../test-support/sample-inputs.js";
import { expectRefused } from "../test-support/snapshot.js";
import { procedureAccess } from "./procedure-access.js";

it("lists exactly the procedures the router serves", () => {
  expect(Object.keys(procedureAccess).sort()).toEqual(routerPaths());
});

describeEachDialect("access table", (dialect) => {
  it.each(signedInPaths())("refuses %s without a token, changing nothing", async (path) => {
    const app = await freshApp(dialect);
    const fixture = await createFixture(app);
    await expectRefused(
      app.db,
      () => callPath(app.caller(), path, sampleInput(path, fixture)),
      "UNAUTHORIZED",
      UNAUTHENTICATED_MESSAGE,
    );
  });

  it.each(signedInPaths())(
    "runs %s for the owner with the sample input (control for the generated refusals)",
    async (path) => {
      const app = await freshApp(dialect);
      const fixture = await createFixture(app);
      // The owner's own account can't be deleted (transfer first): a member deletes theirs.
      const [caller, input] =
        path === "user.delete"
          ? [fixture.member.as, { id: fixture.member.id }]
          : [fixture.owner.as, sampleInput(path, fixture)];
      await expect(callPath(caller, path, input)).resolves.toBeDefined();
    },
  );

  it.each(pathsWithAccess("public"))(
    "ignores a garbage Authorization header on public %s",
    async (path) => {
      const app = await freshApp(dialect);
      const fixture = await createFixture(app);
      const response = await app.http(path, sampleInput(path, fixture), {
        authorization: "Bearer garbage",
      });
      expect(response.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.data).toBeDefined();
    },
  );
});
