// `pnpm owner <username or email>`: for an operator who lost the owner's account. Run on the
// server's machine (it needs DATABASE_URL, nothing else): the account becomes the owner and the
// old owner an admin, in one transaction with its security event (no actor: the command line).
// The server need not stop: roles are read on every request, so the change applies on the next
// one, on every process.

import { recordOwnerTransferredByCommandLine } from "@folio/api";
import {
  createDb,
  findOwner,
  findUserByLogin,
  migrateToLatest,
  transferOwnership,
} from "@folio/db";
import { ConfigError, loadConfig } from "../config/config.js";

const USAGE = "Usage: pnpm owner <username or email>";

async function makeOwner(login: string | undefined): Promise<number> {
  if (!login?.trim()) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { db, dialect, close } = createDb(config.databaseUrl);
  try {
    await migrateToLatest(db, dialect);
    const account = await findUserByLogin(db, login.trim());
    if (!account) {
      console.error(`No account has the username or email "${login.trim()}". Nothing changed.`);
      return 1;
    }
    if (account.role === "owner") {
      console.log(`${account.username} is the owner already. Nothing changed.`);
      return 0;
    }
    const previous = await findOwner(db);
    await db.transaction().execute(async (trx) => {
      // The operator is taking the site back: a suspended account could not use the role.
      await transferOwnership(trx, account.id, { unsuspend: true });
      // In the security log with no actor: the command line, not an account, did it.
      await recordOwnerTransferredByCommandLine(trx, account, previous ?? null);
    });
    console.log(`${account.username} is now the owner.`);
    if (previous) console.log(`${previous.username}, the owner until now, is an admin.`);
    if (account.suspended_at !== null) console.log(`${account.username} was suspended; no longer.`);
    return 0;
  } finally {
    await close();
  }
}

makeOwner(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `Cannot run. ${error.message}` : error);
    process.exit(1);
  },
);
