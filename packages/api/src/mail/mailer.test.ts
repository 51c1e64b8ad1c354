// The queue: answers never wait for mail, failures are retried and then logged without the
// message's secrets, and drain()/close() lose nothing.
import { describe, expect, it } from "vitest";
import { createMailer } from "./mailer.js";
import { passwordResetMessage } from "./templates.js";
import type { MailTransport } from "./transport.js";

const TOKEN = "tok_SECRET_abcdefghijklmnopqrstuvwxyz012345678";
const message = passwordResetMessage(
  { username: "alice", email: "alice@example.com" },
  `http://folio.test/reset-password#token=${TOKEN}`,
  3600,
);

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
  const record = (details: object, message: string) => lines.push({ details, message });
  return { lines, log: { info: record, error: record } };
}

describe("the mailer", () => {
  it("returns before anything is sent, and sends after", async () => {
    const { transport, sent } = flakyTransport(0);
    const mailer = createMailer({ transport, from: "f@x", log: recordingLog().log });
    mailer.enqueue(message);
    expect(sent).toEqual([]);
    await mailer.drain();
    expect(sent).toEqual(["alice@example.com"]);
  });

  it("retries a failed send and logs every failure without the token", async () => {
    const { transport, sent, attempts } = flakyTransport(2);
    const { lines, log } = recordingLog();
    const mailer = createMailer({ transport, from: "f@x", log, retryDelaysMs: [1, 1, 1] });
    mailer.enqueue(message, [TOKEN]);
    await mailer.drain();
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
  });

  it("gives up after the last retry, saying so", async () => {
    const { transport, sent, attempts } = flakyTransport(99);
    const { lines, log } = recordingLog();
    const mailer = createMailer({ transport, from: "f@x", log, retryDelaysMs: [1, 1] });
    mailer.enqueue(message, [TOKEN]);
    await mailer.drain();
    expect(attempts()).toBe(3);
    expect(sent).toEqual([]);
    expect(lines.at(-1)?.message).toBe("mail not sent; giving up");
  });

  it("stops waiting between retries on close, so shutdown is prompt and nothing is dropped", async () => {
    const { transport, sent } = flakyTransport(1);
    const mailer = createMailer({
      transport,
      from: "f@x",
      log: recordingLog().log,
      retryDelaysMs: [3_600_000],
    });
    mailer.enqueue(message);
    mailer.enqueue({ ...message, to: "bob@example.com" });
    await mailer.close();
    expect(sent.sort()).toEqual(["alice@example.com", "bob@example.com"]);
  });

  it("logs a message that could not be prepared, without failing anything", async () => {
    const { transport, sent } = flakyTransport(0);
    const { lines, log } = recordingLog();
    const mailer = createMailer({ transport, from: "f@x", log });
    mailer.enqueue(async () => {
      throw new Error(`database gone while storing ${TOKEN}`);
    }, [TOKEN]);
    await mailer.drain();
    expect(sent).toEqual([]);
    expect(lines.map((line) => line.message)).toEqual(["mail not prepared; not sent"]);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});
