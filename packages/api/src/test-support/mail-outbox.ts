// Mail in tests: the real outbox (rows in the test's database, the real worker) in front of a
// transport that keeps each message in memory, so tests read what would have been sent, links
// included. The worker is not started: tests send what is queued with drain(), so a test
// decides when mail goes out.
import type { Database } from "@folio/db";
import type { Kysely } from "kysely";
import { createMailDeps, type MailDeps } from "../mail/index.js";
import type { OutgoingMail } from "../mail/templates.js";

export interface SentMail extends OutgoingMail {
  from: string;
}

export interface LoggedLine {
  level: "info" | "error";
  message: string;
  details: object;
}

export interface TestMail {
  mail: MailDeps;
  outbox: SentMail[];
  log: LoggedLine[];
  /** Sends everything queued so far (waiting out retries). */
  drain(): Promise<void>;
}

export const TEST_PUBLIC_URL = "http://folio.test";
export const TEST_MAIL_FROM = "Folio <no-reply@folio.test>";

export function createTestMail(db: Kysely<Database>): TestMail {
  const outbox: SentMail[] = [];
  const log: LoggedLine[] = [];
  const mail = createMailDeps(db, {
    from: TEST_MAIL_FROM,
    transport: {
      description: "memory",
      async send(from, message) {
        outbox.push({ from, ...message });
      },
      close() {},
    },
    log: {
      info: (details, message) => log.push({ level: "info", message, details }),
      error: (details, message) => log.push({ level: "error", message, details }),
    },
    retryDelaysMs: [1, 1],
    publicUrl: TEST_PUBLIC_URL,
    tokens: { resetTtlSeconds: 3600, verifyTtlSeconds: 24 * 3600 },
  });
  return { mail, outbox, log, drain: () => mail.outbox.drain() };
}

/** The token of the (only) link in a message's plain-text part. */
export function tokenInMail(message: Pick<OutgoingMail, "text">): string {
  const match = /^https?:\/\/\S+#token=([A-Za-z0-9_-]+)$/m.exec(message.text);
  if (!match?.[1]) throw new Error(`no link in the message:\n${message.text}`);
  return match[1];
}
