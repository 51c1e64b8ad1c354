// Where mail goes: an SMTP server (nodemailer, from SMTP_URL), or, with no SMTP_URL, one .eml
// file per message in a folder (nodemailer's stream transport renders the MIME message).
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ConnectionOptions } from "node:tls";
import { createTransport } from "nodemailer";
import type { OutgoingMail } from "./templates.js";

export interface MailTransport {
  /** Hands one message over; rejects when it could not be delivered to the next hop. */
  send(from: string, message: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up log line (never credentials). */
  readonly description: string;
  close(): void;
}

export type TransportSettings =
  | {
      kind: "smtp";
      /** smtp://[user:pass@]host:port (STARTTLS when offered) or smtps://… (TLS from the start). */
      url: string;
      /** Extra TLS options; tests pass the CA of their self-signed certificate. */
      tls?: ConnectionOptions;
    }
  | { kind: "files"; dir: string };

// A mail server that accepts a connection and then says nothing must not hold a send forever.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The URL without its credentials or query, for logs. */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  const tls = parsed.protocol === "smtps:" ? "TLS" : "STARTTLS when offered";
  return `${parsed.protocol}//${parsed.host} (${tls})`;
}

function smtpTransport(url: string, tls: ConnectionOptions | undefined): MailTransport {
  const transporter = createTransport({ url, ...SMTP_TIMEOUTS, ...(tls ? { tls } : {}) });
  return {
    description: `SMTP ${describeSmtpUrl(url)}`,
    async send(from, message) {
      await transporter.sendMail({ from, ...fields(message) });
    },
    close: () => transporter.close(),
  };
}

function fileTransport(dir: string): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `.eml files in ${dir}`,
    async send(from, message) {
      const info = await transporter.sendMail({ from, ...fields(message) });
      await mkdir(dir, { recursive: true });
      // Sortable by time; the random part keeps two messages of the same millisecond apart.
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const name = `${stamp}-${message.kind}-${randomBytes(3).toString("hex")}.eml`;
      await writeFile(join(dir, name), info.message as Buffer, { mode: 0o600 });
    },
    close: () => {},
  };
}

function fields(message: OutgoingMail) {
  return { to: message.to, subject: message.subject, text: message.text, html: message.html };
}

export function createMailTransport(settings: TransportSettings): MailTransport {
  return settings.kind === "smtp"
    ? smtpTransport(settings.url, settings.tls)
    : fileTransport(settings.dir);
}
