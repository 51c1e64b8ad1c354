// A real SMTP server for a spawned Folio: the loopback peer of packages/api's test support,
// and the environment that points the server at it (STARTTLS, its self-signed certificate
// trusted through NODE_EXTRA_CA_CERTS, so the server runs with no TLS check turned off).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type SmtpPeer,
  startSmtpPeer,
  tokenInReceived,
} from "../../../../packages/api/src/test-support/smtp-peer.js";

export type { ReceivedMail } from "../../../../packages/api/src/test-support/smtp-peer.js";
export { type SmtpPeer, tokenInReceived };

export interface MailPeer {
  peer: SmtpPeer;
  /** SMTP_URL and NODE_EXTRA_CA_CERTS for spawnServer's env. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startMailPeer(): Promise<MailPeer> {
  const peer = await startSmtpPeer();
  const dir = mkdtempSync(join(tmpdir(), "folio-smtp-ca-"));
  const caFile = join(dir, "ca.pem");
  writeFileSync(caFile, peer.certificate);
  return {
    peer,
    env: { SMTP_URL: peer.url, NODE_EXTRA_CA_CERTS: caFile },
    async close() {
      await peer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
