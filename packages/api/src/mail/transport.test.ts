// The transport speaks real SMTP (nodemailer to a loopback smtp-server), upgrading with
// STARTTLS when offered or using TLS from the start, and writes .eml files without SMTP_URL.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { type SmtpPeer, startSmtpPeer } from "../test-support/smtp-peer.js";
import { passwordResetMessage } from "./templates.js";
import { createMailTransport, describeSmtpUrl } from "./transport.js";

const FROM = "Folio <no-reply@folio.test>";
const message = passwordResetMessage(
  { username: "alice", email: "alice@example.com" },
  "http://folio.test/reset-password#token=abc",
  3600,
);

let peer: SmtpPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

describe("the SMTP transport", () => {
  it("upgrades smtp:// with STARTTLS when the server offers it", async () => {
    peer = await startSmtpPeer();
    const transport = createMailTransport({
      kind: "smtp",
      url: peer.url,
      tls: { ca: peer.certificate },
    });
    await transport.send(FROM, message);
    transport.close();
    expect(peer.received).toHaveLength(1);
    const [mail] = peer.received;
    expect(mail?.secure).toBe(true);
    expect(mail?.envelopeTo).toEqual(["alice@example.com"]);
    expect(mail?.parsed.from?.value).toEqual([{ name: "Folio", address: "no-reply@folio.test" }]);
    expect(mail?.subject).toBe("Reset your Folio password");
    expect(mail?.text.split("\n")).toContain("http://folio.test/reset-password#token=abc");
    expect(mail?.html).toContain('href="http://folio.test/reset-password#token=abc"');
  });

  it("uses TLS from the first byte with smtps://, with credentials from the URL", async () => {
    peer = await startSmtpPeer({ implicitTls: true, auth: { user: "folio", pass: "s3cr3t" } });
    const transport = createMailTransport({
      kind: "smtp",
      url: peer.url,
      tls: { ca: peer.certificate },
    });
    await transport.send(FROM, message);
    transport.close();
    expect(peer.received.map((mail) => mail.secure)).toEqual([true]);
  });

  it("refuses a server whose certificate it does not trust (no silent downgrade)", async () => {
    peer = await startSmtpPeer();
    const transport = createMailTransport({ kind: "smtp", url: peer.url });
    await expect(transport.send(FROM, message)).rejects.toThrow();
    transport.close();
    expect(peer.received).toEqual([]);
  });

  it("describes where mail goes without the credentials", () => {
    expect(describeSmtpUrl("smtp://user:pass@mail.example.com:587")).toBe(
      "smtp://mail.example.com:587 (STARTTLS when offered)",
    );
    expect(describeSmtpUrl("smtps://user:pass@mail.example.com")).toBe(
      "smtps://mail.example.com (TLS)",
    );
  });
});

describe("the .eml file transport", () => {
  it("writes one readable message file per mail, owner-only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "folio-mail-"));
    try {
      const transport = createMailTransport({ kind: "files", dir: join(dir, "mail") });
      await transport.send(FROM, message);
      const files = await readdir(join(dir, "mail"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/password-reset-[0-9a-f]{6}\.eml$/);
      const file = join(dir, "mail", files[0] ?? "");
      expect((await stat(file)).mode & 0o077).toBe(0);
      const parsed = await simpleParser(await readFile(file));
      expect(parsed.subject).toBe("Reset your Folio password");
      expect(parsed.text?.split("\n")).toContain("http://folio.test/reset-password#token=abc");
      expect(parsed.html).toContain("Choose a new password");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
