// Mail for the host: the transport from the config (SMTP_URL, else .eml files in MAIL_DIR), the
// outbox in the database logging through the server's logger, and one line at start saying
// where mail goes. The caller starts the outbox's worker and closes it (app.ts).
import { createMailDeps, createMailTransport, type MailDeps } from "@folio/api";
import type { Database } from "@folio/db";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "../config/config.js";

export function startMail(config: Config, log: FastifyBaseLogger, db: Kysely<Database>): MailDeps {
  const transport = createMailTransport(
    config.mail.smtpUrl
      ? { kind: "smtp", url: config.mail.smtpUrl }
      : { kind: "files", dir: config.mail.dir },
  );
  log.info(
    { mailTransport: transport.description, publicUrl: config.mail.publicUrl },
    `mail goes to ${transport.description}`,
  );
  const mailLog = log.child({ component: "mail" });
  return createMailDeps(db, {
    transport,
    from: config.mail.from,
    log: {
      info: (details, message) => mailLog.info(details, message),
      error: (details, message) => mailLog.error(details, message),
    },
    publicUrl: config.mail.publicUrl,
    tokens: {
      resetTtlSeconds: config.mail.resetTtlSeconds,
      verifyTtlSeconds: config.mail.verifyTtlSeconds,
    },
  });
}
