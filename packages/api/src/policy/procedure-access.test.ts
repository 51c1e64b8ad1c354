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
import { procedureAccess, ROLE_GATES } from "./procedure-access.js";
import { ROLES } from "./roles.js";

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

  it.each(pathsWithAccess(...ROLE_GATES))(
    "refuses %s to a signed-in account one role below its gate, changing nothing",
    async (path) => {
      const app = await freshApp(dialect);
      const fixture = await createFixture(app);
      const gate = procedureAccess[path] as (typeof ROLE_GATES)[number];
      const below = ROLES[ROLES.indexOf(gate) - 1];
      if (!below) throw new Error(`${path}: no role below ${gate}`);
      // The member is an author: move them to the role just below the gate (the owner one
      // step below is an admin: the deputy).
      const caller = gate === "owner" ? fixture.deputy : fixture.member;
      if (gate !== "owner") {
        await fixture.owner.as.admin.setRole({ userId: fixture.member.id, role: below as never });
      }
      await expectRefused(
        app.db,
        () => callPath(caller.as, path, sampleInput(path, fixture)),
        "FORBIDDEN",
        new RegExp(`needs the ${gate} role`),
      );
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
