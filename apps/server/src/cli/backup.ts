// `pnpm db:backup [file]`: an online copy of the SQLite database named by DATABASE_URL, safe
// while the server runs. Default file: <data folder>/backups/folio-<UTC time>.db. For
// Postgres, use pg_dump (docs/deploy.md).
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { backupSqliteFile } from "@folio/db";
import { ConfigError, loadConfig } from "../config/config.js";

async function backup(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl.startsWith("sqlite:") || config.databaseUrl === "sqlite::memory:") {
    throw new ConfigError(
      "db:backup copies a SQLite file; for Postgres use pg_dump --format=custom (docs/deploy.md)",
    );
  }
  const source = config.databaseUrl.slice("sqlite:".length);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = process.argv[2]
    ? resolve(process.argv[2])
    : join(config.dataDir, "backups", `folio-${stamp}.db`);
  mkdirSync(dirname(target), { recursive: true });
  await backupSqliteFile(source, target);
  console.log(`Backed up ${source} to ${target}`);
}

backup().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Cannot back up. ${error.message}` : error);
  process.exit(1);
});
