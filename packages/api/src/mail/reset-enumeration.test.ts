// A reset request for an unknown address must cost what one for a known address costs, or
// response times tell which accounts exist. Asserted by the work done before the answer (the
// same statements, no token generated yet, both limits counted), not by a clock: the timing is
// measured in the benchmark (bench, "reset parity"). The request is stored before the answer
// (a crash loses nothing, ADR 020); the lookup and the token come after it, when it is prepared.
import type { KyselyPlugin } from "kysely";
import { expect, it, vi } from "vitest";
import { createContextInner } from "../context.js";
import { createCaller } from "../root.js";
import * as accountTokens from "../shared/account-tokens.js";
import type { RateLimits } from "../shared/rate-limits.js";
import { unlimited } from "../shared/rate-limits.js";
import { describeEachDialect, freshApp, TEST_AUTH } from "../test-support/harness.js";
import { createTestMail } from "../test-support/mail-outbox.js";

vi.mock("../shared/account-tokens.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../shared/account-tokens.js")>();
  return { ...original, generateAccountToken: vi.fn(original.generateAccountToken) };
});

describeEachDialect("a password-reset request", (dialect) => {
  it("does the same work before answering for an unknown email as for a known one", async () => {
    const app = await freshApp(dialect);
    await app.signUp("alice");
    await app.mail.drain();

    const statements: string[] = [];
    const recorder: KyselyPlugin = {
      transformQuery: ({ node }) => {
        statements.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const limitCalls: string[] = [];
    const limits: RateLimits = {
      ...unlimited,
      beginPasswordReset: async (ip, email) => {
        limitCalls.push(`${ip} ${email}`);
      },
    };
    const recorded = app.db.withPlugin(recorder);
    // The outbox on the same recording connection, so the work after the answer is seen too.
    const mail = createTestMail(recorded);
    const caller = createCaller(
      createContextInner({ db: recorded, auth: TEST_AUTH, limits, mail: mail.mail }),
    );

    const workFor = async (email: string) => {
      await mail.drain();
      statements.length = 0;
      limitCalls.length = 0;
      vi.mocked(accountTokens.generateAccountToken).mockClear();
      const answer = await caller.auth.requestPasswordReset({ email });
      const before = {
        answer,
        statements: [...statements],
        limits: limitCalls.length,
        tokensGenerated: vi.mocked(accountTokens.generateAccountToken).mock.calls.length,
      };
      await mail.drain();
      return { before, after: statements.slice(before.statements.length) };
    };

    const known = await workFor("alice@example.com");
    const unknown = await workFor("nobody@example.com");
    expect(known.before).toEqual({
      answer: { ok: true },
      statements: ["InsertQueryNode"],
      limits: 1,
      tokensGenerated: 0,
    });
    expect(unknown.before).toEqual(known.before);
    // The only difference comes after the answer: the known account's token and its security
    // event are stored (and the message filled in); the unknown address's request is looked
    // up and deleted.
    const inserts = (work: string[]) => work.filter((kind) => kind === "InsertQueryNode");
    expect(inserts(known.after)).toHaveLength(2);
    expect(inserts(unknown.after)).toEqual([]);
    expect(vi.mocked(accountTokens.generateAccountToken)).toHaveBeenCalledTimes(0);
  });
});
