// The HS256 key. JWT_SECRET when set; otherwise (never in production, config refuses that) a
// random key generated once and kept in the data folder, so tokens survive a dev restart.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, ConfigError } from "./config.js";

export const DEV_SECRET_FILE = "jwt-secret";

export interface ResolvedSecret {
  key: Uint8Array;
  /** Where a generated key lives (null when it came from JWT_SECRET), for the start-up log. */
  file: string | null;
  created: boolean;
}

export function resolveJwtSecret(config: Pick<Config, "jwtSecret" | "dataDir">): ResolvedSecret {
  if (config.jwtSecret) {
    return { key: new TextEncoder().encode(config.jwtSecret), file: null, created: false };
  }
  const file = join(config.dataDir, DEV_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing) return { key: new TextEncoder().encode(existing), file, created: false };

  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    // `wx`: if another process created it first, we read theirs instead of overwriting it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const raced = readSecretFile(file);
    if (raced) return { key: new TextEncoder().encode(raced), file, created: false };
    throw error;
  }
  chmodSync(file, 0o600); // the umask may have narrowed `mode`, never widened it; be exact
  return { key: new TextEncoder().encode(secret), file, created: true };
}

function readSecretFile(file: string): string | null {
  try {
    const secret = readFileSync(file, "utf8").trim();
    if (Buffer.byteLength(secret) < 32) {
      throw new ConfigError(
        `JWT_SECRET: not set, and the kept key in ${file} is shorter than 32 bytes (delete the file to generate a new one)`,
      );
    }
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
