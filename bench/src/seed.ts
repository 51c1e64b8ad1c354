// Seeds a benchmark database fast: Folio's own migrations create the schema, then rows go in
// through better-sqlite3 prepared statements in one transaction (Kysely per row would take
// minutes for a million posts).
import { rmSync } from "node:fs";
import { hashPassword } from "@folio/api";
import { createDb, migrateToLatest } from "@folio/db";
import Database from "better-sqlite3";

export const BENCH_PASSWORD = "bench-password-123";
/** Posts are this far apart in time, newest last (ids and timestamps increase together). */
const POST_SPACING_MS = 60_000;
const EPOCH = Date.parse("2020-01-01T00:00:00.000Z");

export interface SeedSize {
  users: number;
  posts: number;
}

const WORDS = (
  "folio page ink margin draft essay quiet river morning letter garden stone window " +
  "signal harbor paper lantern orchard thread compass meadow winter summer archive"
).split(" ");

/** Deterministic text, so every run and both servers see the same rows. */
function words(seed: number, count: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] ?? "folio");
  }
  return out.join(" ");
}

export function userName(index: number): string {
  return `bench_user_${index}`;
}

/** Runs Folio's migrations on a new file, then bulk-inserts users and posts. */
export async function seedDatabase(path: string, size: SeedSize): Promise<void> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const handle = createDb(`sqlite:${path}`);
  await migrateToLatest(handle.db, handle.dialect);
  await handle.close();

  // One hash for everyone: argon2id is deliberately slow, 100 hashes would take seconds.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const insertUser = sqlite.prepare(
    "insert into users (id, username, email, password_hash, image_url, created_at) values (?, ?, ?, ?, null, ?)",
  );
  const insertPost = sqlite.prepare(
    "insert into posts (id, author_id, title, content, status, published_at, created_at, updated_at) values (?, ?, ?, ?, 'published', ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (let id = 1; id <= size.users; id++) {
      const createdAt = new Date(EPOCH - (size.users - id + 1) * 3_600_000).toISOString();
      insertUser.run(id, userName(id), `${userName(id)}@bench.example`, passwordHash, createdAt);
    }
    for (let id = 1; id <= size.posts; id++) {
      const createdAt = new Date(EPOCH + id * POST_SPACING_MS).toISOString();
      const authorId = ((id * 7) % size.users) + 1;
      const content = words(id, 30 + (id % 50));
      insertPost.run(id, authorId, words(id + 1, 4), content, createdAt, createdAt, createdAt);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

/** The keyset position of post `id` as seeded (used to craft cursors at a known depth). */
export function seededPosition(id: number): { at: string; id: number } {
  return { at: new Date(EPOCH + id * POST_SPACING_MS).toISOString(), id };
}
