// A real SMTP server on a loopback port for tests (smtp-server), offering STARTTLS (or TLS from
// the start) with a self-signed certificate made for the test, and parsing every message it
// receives (mailparser). Also used by apps/server's and apps/web's tests.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { generate } from "selfsigned";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** Whether the session had switched to TLS (STARTTLS or smtps) when the message came. */
  secure: boolean;
  parsed: ParsedMail;
  raw: string;
  text: string;
  html: string;
  subject: string;
  from: string;
  to: string;
}

export interface SmtpPeer {
  port: number;
  /** PEM of the self-signed certificate, to trust it (`tls.ca`, NODE_EXTRA_CA_CERTS). */
  certificate: string;
  /** `smtp://127.0.0.1:<port>` or `smtps://…` */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first message (received now or later) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface SmtpPeerOptions {
  /** TLS from the first byte (smtps) instead of STARTTLS. */
  implicitTls?: boolean;
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string };
}

let certificate: Promise<{ cert: string; key: string }> | undefined;

function testCertificate() {
  certificate ??= generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return certificate;
}

export async function startSmtpPeer(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const { cert, key } = await testCertificate();
  const received: ReceivedMail[] = [];
  const waiters: {
    match: (mail: ReceivedMail) => boolean;
    resolve: (mail: ReceivedMail) => void;
  }[] = [];
  const server = new SMTPServer({
    secure: options.implicitTls ?? false,
    key,
    cert,
    authOptional: !options.auth,
    ...(options.auth ? {} : { disabledCommands: ["AUTH"] }),
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(
        ok ? null : new Error("Invalid username or password"),
        ok ? { user: auth.username } : undefined,
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        const mail: ReceivedMail = {
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          secure: session.secure,
          parsed,
          raw,
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          subject: parsed.subject ?? "",
          from: parsed.from?.text ?? "",
          to: Array.isArray(parsed.to)
            ? parsed.to.map((to) => to.text).join(", ")
            : (parsed.to?.text ?? ""),
        };
        received.push(mail);
        for (const waiter of waiters.filter((w) => w.match(mail))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(mail);
        }
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : "";
  return {
    port,
    certificate: cert,
    url: `${options.implicitTls ? "smtps" : "smtp"}://${credentials}127.0.0.1:${port}`,
    received,
    waitFor(match, timeoutMs = 20_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no matching mail arrived")), timeoutMs);
        waiters.push({
          match,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the link in a received message's plain-text part. */
export function tokenInReceived(mail: ReceivedMail): string {
  const match = /^https?:\/\/\S+#token=([A-Za-z0-9_-]+)$/m.exec(mail.text);
  if (!match?.[1]) throw new Error(`no link in the message:\n${mail.text}`);
  return match[1];
}
