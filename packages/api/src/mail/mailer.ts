// The mail queue: a resolver hands a message over and returns at once; the message is sent
// after the answer, retried with backoff, and a failure is logged without the message's
// secrets. `drain()` waits for everything queued (tests, and the server's close).

import type { OutgoingMail } from "./templates.js";
import type { MailTransport } from "./transport.js";

export interface MailLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A message, or the work that makes one (run after the answer, like the sending). */
export type QueuedMail = OutgoingMail | (() => Promise<OutgoingMail>);

export interface Mailer {
  /** Queues a message; never throws, never waits. `secrets` are scrubbed from any log line. */
  enqueue(message: QueuedMail, secrets?: readonly string[]): void;
  /** Resolves once every message queued so far was sent or given up on. */
  drain(): Promise<void>;
  /** Stops waiting between retries, drains, closes the transport. */
  close(): Promise<void>;
}

export interface MailerOptions {
  transport: MailTransport;
  from: string;
  log: MailLog;
  /** Waits before each retry; one attempt more than there are delays. */
  retryDelaysMs?: readonly number[];
}

export const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 30_000] as const;

/** An error's message and code with every secret replaced (a server may echo anything). */
function describeFailure(error: unknown, secrets: readonly string[]) {
  const raw = error instanceof Error ? error.message : String(error);
  const message = secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), raw);
  const code = (error as { code?: unknown; responseCode?: unknown } | null) ?? {};
  return {
    error: message,
    ...(typeof code.code === "string" ? { code: code.code } : {}),
    ...(typeof code.responseCode === "number" ? { responseCode: code.responseCode } : {}),
  };
}

export function createMailer(options: MailerOptions): Mailer {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const inFlight = new Set<Promise<void>>();
  const pendingWaits = new Set<() => void>();
  let closing = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closing) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        pendingWaits.delete(done);
        resolve();
      }
      pendingWaits.add(done);
    });

  async function deliver(queued: QueuedMail, secrets: readonly string[]) {
    // After the answer: the resolver's caller gets its response before any SMTP traffic starts.
    await new Promise((resolve) => setImmediate(resolve));
    let message: OutgoingMail;
    try {
      message = typeof queued === "function" ? await queued() : queued;
    } catch (error) {
      options.log.error(describeFailure(error, secrets), "mail not prepared; not sent");
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await options.transport.send(options.from, message);
        return;
      } catch (error) {
        const last = attempt > delays.length;
        const details = { mail: message.kind, attempt, ...describeFailure(error, secrets) };
        options.log.error(details, last ? "mail not sent; giving up" : "mail not sent; will retry");
        if (last) return;
        await wait(delays[attempt - 1] ?? 0);
      }
    }
  }

  return {
    enqueue(message, secrets = []) {
      const job = deliver(message, secrets).catch(() => {});
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      closing = true;
      for (const skip of [...pendingWaits]) skip();
      await this.drain();
      options.transport.close();
    },
  };
}
