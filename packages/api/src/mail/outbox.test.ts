// The outbox: answers never wait for mail, failures are retried with backoff and logged without
// the message's token, a close loses nothing, and of several workers on one database each
// message is sent by exactly one (mailer.test.ts before the outbox, ADR 020).
import { type Database, insertOutboxMessage } from "@folio/db";
import { openScratchDb, type TestDialect } from "@folio/db/testing";
import type { Kysely } from "kysely";
import { expect, it, onTestFinished } from "vitest";
import { describeEachDialect } from "../test-support/harness.js";
import type { MailLog } from "./delivery.js";
import { createMailOutbox, type MailOutboxOptions } from "./outbox.js";
import { passwordResetMessage } from "./templates.js";
import type { MailTransport } from "./transport.js";

const TOKEN = "tok_SECRET_abcdefghijklmnopqrstuvwxyz012345678";
const message = passwordResetMessage(
  { username: "alice", email: "alice@example.com" },
  `http://folio.test/reset-password#token=${TOKEN}`,
  3600,
);

async function scratch(dialect: TestDialect) {
  const handle = await openScratchDb(dialect, { poolSize: 4 });
  onTestFinished(() => handle.discard());
  return handle.db;
}

function queue(db: Kysely<Database>, to = message.to, expiresInMs = 3_600_000) {
  const { kind, subject, text, html } = message;
  const expiresAt = new Date(Date.now() + expiresInMs);
  return insertOutboxMessage(db, {
    kind,
    recipient: to,
    userId: null,
    subject,
    text,
    html,
    expiresAt,
  });
}

function flakyTransport(failures: number) {
  const sent: string[] = [];
  let attempts = 0;
  const transport: MailTransport = {
    description: "test",
    async send(_from, mail) {
      attempts += 1;
      // A server that echoes the message back in its error, as some do.
      if (attempts <= failures)
        throw Object.assign(new Error(`454 try later: ${mail.text}`), {
          code: "EENVELOPE",
          responseCode: 454,
        });
      sent.push(mail.to);
    },
    close() {},
  };
  return { transport, sent, attempts: () => attempts };
}

function recordingLog() {
  const lines: { details: object; message: string }[] = [];
  const record = (details: object, text: string) => lines.push({ details, message: text });
  const log: MailLog = { info: record, error: record };
  return { lines, log };
}

const outboxOn = (db: Kysely<Database>, options: Partial<MailOutboxOptions>) =>
  createMailOutbox({
    db,
    transport: flakyTransport(0).transport,
    from: "f@x",
    log: recordingLog().log,
    ...options,
  });

const rows = (db: Kysely<Database>) =>
  db.selectFrom("mail_outbox").selectAll().orderBy("id").execute();

describeEachDialect("the mail outbox", (dialect) => {
  it("sends after the answer once woken, and deletes the message (its link) once sent", async () => {
    const db = await scratch(dialect);
    const { transport, sent } = flakyTransport(0);
    const outbox = outboxOn(db, { transport });
    outbox.start();
    onTestFinished(() => outbox.close());
    await queue(db);
    outbox.wake();
    expect(sent).toEqual([]);
    await expect.poll(() => sent).toEqual(["alice@example.com"]);
    await expect.poll(() => rows(db)).toEqual([]);
  });

  it("retries a failed send and logs every failure without the token", async () => {
    const db = await scratch(dialect);
    const { transport, sent, attempts } = flakyTransport(2);
    const { lines, log } = recordingLog();
    const outbox = outboxOn(db, { transport, log, retryDelaysMs: [1, 1, 1] });
    await queue(db);
    await outbox.drain();
    expect(attempts()).toBe(3);
    expect(sent).toEqual(["alice@example.com"]);
    expect(lines.map((line) => line.message)).toEqual([
      "mail not sent; will retry",
      "mail not sent; will retry",
    ]);
    expect(lines[0]?.details).toMatchObject({
      mail: "password-reset",
      attempt: 1,
      code: "EENVELOPE",
      responseCode: 454,
    });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).toContain("[redacted]");
    expect(await rows(db)).toEqual([]);
  });

  it("waits out the backoff between attempts, as stored in the row", async () => {
    const db = await scratch(dialect);
    const outbox = outboxOn(db, {
      transport: flakyTransport(1).transport,
      retryDelaysMs: [60_000],
    });
    await queue(db);
    const before = Date.now();
    await outbox.close(); // nothing sent yet: close hands nothing back
    const retrying = outboxOn(db, {
      transport: flakyTransport(1).transport,
      retryDelaysMs: [60_000],
    });
    const drained = retrying.drain();
    // The first attempt fails; the row is put back, due a minute later, held by nobody.
    await expect.poll(async () => (await rows(db))[0]?.attempts, { timeout: 5_000 }).toBe(1);
    const [row] = await rows(db);
    expect(new Date(row?.next_attempt_at ?? 0).getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(row?.claimed_by).toBeNull();
    await retrying.close();
    await drained;
  });

  it("gives up after the last retry, saying so, and deletes the message", async () => {
    const db = await scratch(dialect);
    const { transport, sent, attempts } = flakyTransport(99);
    const { lines, log } = recordingLog();
    const outbox = outboxOn(db, { transport, log, retryDelaysMs: [1, 1] });
    await queue(db);
    await outbox.drain();
    expect(attempts()).toBe(3);
    expect(sent).toEqual([]);
    expect(lines.at(-1)?.message).toBe("mail not sent; giving up");
    expect(await rows(db)).toEqual([]);
  });

  it("stops promptly on close and drops nothing: what it did not send, the next process does", async () => {
    const db = await scratch(dialect);
    const first = flakyTransport(1);
    const outbox = outboxOn(db, { transport: first.transport, retryDelaysMs: [3_600_000] });
    outbox.start();
    await queue(db);
    await queue(db, "bob@example.com");
    outbox.wake();
    await expect.poll(() => first.attempts()).toBe(2);
    const started = Date.now();
    await outbox.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    // One went out; the other waits in the database, held by nobody, body intact.
    expect(first.sent).toHaveLength(1);
    const left = await rows(db);
    expect(left.map((row) => [row.claimed_by, row.text_body?.includes(TOKEN)])).toEqual([
      [null, true],
    ]);
    const next = flakyTransport(0);
    await db
      .updateTable("mail_outbox")
      .set({ next_attempt_at: new Date().toISOString() })
      .execute();
    await outboxOn(db, { transport: next.transport }).drain();
    expect([...first.sent, ...next.sent].sort()).toEqual(["alice@example.com", "bob@example.com"]);
  });

  it("logs a message that could not be prepared, keeps it for a retry, and fails nothing", async () => {
    const db = await scratch(dialect);
    const { transport, sent } = flakyTransport(0);
    const { lines, log } = recordingLog();
    let calls = 0;
    const outbox = outboxOn(db, {
      transport,
      log,
      retryDelaysMs: [1],
      prepare: async () => {
        calls += 1;
        if (calls === 1) throw new Error(`database gone while storing ${TOKEN}`);
        return null; // the second time: nothing to send (no such account)
      },
    });
    await db
      .insertInto("mail_outbox")
      .values({
        id: "0190a000-0000-7000-8000-000000000000",
        kind: "password-reset",
        recipient: "alice@example.com",
        user_id: null,
        subject: null,
        text_body: null,
        html_body: null,
        requested_ip: null,
        requested_user_agent: null,
        created_at: new Date().toISOString(),
        expires_at: new Date(Date.now() + 60_000).toISOString(),
        next_attempt_at: new Date().toISOString(),
        claimed_by: null,
        claimed_until: null,
      })
      .execute();
    await outbox.drain();
    expect(calls).toBe(2);
    expect(sent).toEqual([]);
    expect(lines.map((line) => line.message)).toEqual(["mail not prepared; will retry"]);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it("never sends a message whose link expired, and deletes it", async () => {
    const db = await scratch(dialect);
    const { transport, sent } = flakyTransport(0);
    await queue(db, "late@example.com", -1);
    await queue(db, "alice@example.com");
    await outboxOn(db, { transport }).drain();
    expect(sent).toEqual(["alice@example.com"]);
    expect(await rows(db)).toEqual([]);
  });

  it("sends each message exactly once with several workers on the same database", async () => {
    const db = await scratch(dialect);
    const transports = [flakyTransport(0), flakyTransport(0), flakyTransport(0)];
    for (let i = 0; i < 30; i++) await queue(db, `user${i}@example.com`);
    const workers = transports.map(({ transport }) => outboxOn(db, { transport }));
    await Promise.all(workers.map((worker) => worker.drain()));
    const sent = transports.flatMap(({ sent: list }) => list);
    expect(sent.sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `user${i}@example.com`).sort(),
    );
    expect(await rows(db)).toEqual([]);
  });

  it("takes over the messages of a worker that died holding them, once its claim ran out", async () => {
    const db = await scratch(dialect);
    await queue(db);
    // A worker claimed the message, then its process was killed (kill -9): nothing released it.
    await db
      .updateTable("mail_outbox")
      .set({ claimed_by: "dead-worker", claimed_until: new Date(Date.now() + 300).toISOString() })
      .execute();
    const { transport, sent } = flakyTransport(0);
    const outbox = outboxOn(db, { transport });
    await outbox.drain();
    expect(sent).toEqual([]); // still held
    await new Promise((resolve) => setTimeout(resolve, 350));
    await outbox.drain();
    expect(sent).toEqual(["alice@example.com"]);
  });
});
