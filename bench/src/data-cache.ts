// Benchmark databases live in bench/.data. The big one is built once and reused for as long
// as Folio's schema (and the seed format) stay the same: the key is a hash of both.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, migrateToLatest } from "@folio/db";
import Database from "better-sqlite3";
import { type SeedSize, seedDatabase } from "./seed.js";

/** Bump when seed.ts changes what it writes, so cached databases are rebuilt. */
const SEED_FORMAT = 3; // 2: posts published at their creation (roles); 3: with search words

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dataDir = join(benchDir, ".data");

/** A hash of the schema Folio's migrations produce today, plus the seed format and size. */
async function schemaKey(size: SeedSize): Promise<string> {
  const probe = join(dataDir, "schema-probe.db");
  rmSync(probe, { force: true });
  const handle = createDb(`sqlite:${probe}`);
  await migrateToLatest(handle.db, handle.dialect);
  await handle.close();
  const sqlite = new Database(probe, { readonly: true });
  const schema = sqlite
    .prepare("select sql from sqlite_master where name not like 'kysely_%' order by name")
    .pluck()
    .all();
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(probe + suffix, { force: true });
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ SEED_FORMAT, size, schema }));
  return hash.digest("hex").slice(0, 12);
}

export interface PreparedDatabase {
  path: string;
  seconds: number;
  cached: boolean;
}

/** A fresh database, rebuilt every run (writes from a previous run must not leak in). */
export async function freshDatabase(name: string, size: SeedSize): Promise<PreparedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `${name}.db`);
  const started = performance.now();
  await seedDatabase(path, size);
  return { path, seconds: (performance.now() - started) / 1000, cached: false };
}

/**
 * A read-only-by-convention database reused across runs. It is built under a temporary name
 * and renamed when complete, so an interrupted build is never mistaken for a cached one.
 */
export async function cachedDatabase(name: string, size: SeedSize): Promise<PreparedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const key = await schemaKey(size);
  const path = join(dataDir, `${name}-${key}.db`);
  if (existsSync(path)) return { path, seconds: 0, cached: true };
  for (const file of readdirSync(dataDir)) {
    if (file.startsWith(`${name}-`)) rmSync(join(dataDir, file), { force: true });
  }
  const building = `${path}.building`;
  const started = performance.now();
  await seedDatabase(building, size);
  renameSync(building, path);
  return { path, seconds: (performance.now() - started) / 1000, cached: false };
}
