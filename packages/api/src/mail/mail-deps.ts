// Mail as the API is handed it: the outbox (its worker sending through `transport`), the origin
// links start with and token lifetimes. Built once by the host (and by the test harness).
import type { Database } from "@folio/db";
import type { Kysely } from "kysely";
import type { AccountTokenSettings } from "../shared/account-tokens.js";
import type { MailDeps } from "./account-mail.js";
import type { MailLog } from "./delivery.js";
import { createMailOutbox } from "./outbox.js";
import { preparePasswordReset } from "./password-reset.js";
import type { MailTransport } from "./transport.js";

export interface MailSettings {
  transport: MailTransport;
  from: string;
  log: MailLog;
  publicUrl: string;
  tokens: AccountTokenSettings;
  retryDelaysMs?: readonly number[];
  pollIntervalMs?: number;
  claimMs?: number;
}

export function createMailDeps(db: Kysely<Database>, settings: MailSettings): MailDeps {
  const links = { publicUrl: settings.publicUrl, tokens: settings.tokens };
  const outbox = createMailOutbox({
    db,
    transport: settings.transport,
    from: settings.from,
    log: settings.log,
    prepare: preparePasswordReset(links),
    ...(settings.retryDelaysMs ? { retryDelaysMs: settings.retryDelaysMs } : {}),
    ...(settings.pollIntervalMs ? { pollIntervalMs: settings.pollIntervalMs } : {}),
    ...(settings.claimMs ? { claimMs: settings.claimMs } : {}),
  });
  return { outbox, ...links };
}
