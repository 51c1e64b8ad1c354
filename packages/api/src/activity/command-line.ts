// Events from the command line (`pnpm owner`, run on the server's machine): no actor, no
// request origin. The caller passes the transaction of the change.
import type { Database } from "@folio/db";
import type { Transaction } from "kysely";
import { type Named, recordEvent } from "./record.js";

/**
 * owner.transferred by the command line: `newOwner` became the owner; `previousOwner` (if the
 * site had one) is now an admin and is named as the target.
 */
export function recordOwnerTransferredByCommandLine(
  trx: Transaction<Database>,
  newOwner: Named,
  previousOwner: Named | null,
): Promise<void> {
  return recordEvent(trx, {
    action: "owner.transferred",
    actor: null,
    subject: newOwner,
    target: previousOwner
      ? { type: "user", id: String(previousOwner.id), label: previousOwner.username }
      : null,
    origin: null,
  });
}
