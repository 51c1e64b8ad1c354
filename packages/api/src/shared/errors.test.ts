// The error boundary: a bug answers 500 with a generic message, never SQL or a stack trace.
import { expect, it } from "vitest";
import { beforeInsertInto } from "../test-support/db-hooks.js";
import { describeEachDialect, freshApp, TEST_AUTH } from "../test-support/harness.js";
import { sendOverHttp } from "../test-support/http.js";
import { createTestMail } from "../test-support/mail-outbox.js";
import { unlimited } from "./rate-limits.js";

const isDev = (process.env.NODE_ENV ?? "development") === "development";

describeEachDialect("error boundary", (dialect) => {
  it.skipIf(isDev)(
    "hides an unexpected error's message and stack outside development",
    async () => {
      const app = await freshApp(dialect);
      const alice = await app.signUp("alice");
      const db = beforeInsertInto(app.db, "posts", async () => {
        throw new Error('select * from "users" -- secret detail');
      });
      const deps = { db, auth: TEST_AUTH, limits: unlimited, mail: createTestMail(app.db).mail };
      const response = await sendOverHttp(
        deps,
        "post.create",
        { title: "t", content: "c" },
        { token: alice.token },
      );
      expect(response.status).toBe(500);
      expect(response.error?.data.code).toBe("INTERNAL_SERVER_ERROR");
      expect(JSON.stringify(response.error)).not.toMatch(/secret detail|select|users/);
      expect(response.error?.data.stack).toBeUndefined();
      expect(response.error?.data.zodError).toBeNull();
    },
  );
});
