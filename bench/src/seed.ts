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

// Search needs words of every frequency, as in real text: besides the 25 words above (each in
// nearly every post), every post gets a few words of a Zipf-distributed vocabulary (the word of
// rank r turns up about 1/r as often as the first), so a query can be common or rare on purpose.
const SYLLABLES = (
  "ba be bi bo bu da de di do du fa fe fi fo fu ga ge gi go gu ka ke ki ko ku la le li lo lu " +
  "ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu"
).split(" ");
export const SEARCH_VOCABULARY = 20_000;
const TITLE_SEARCH_WORDS = 1;
const CONTENT_SEARCH_WORDS = 6;

/** The vocabulary's word of rank `rank` (1 = the most frequent): three made-up syllables. */
export function searchWord(rank: number): string {
  const n = rank + SYLLABLES.length ** 2; // three syllables for every rank
  const digits = [n % 60, Math.floor(n / 60) % 60, Math.floor(n / 3600) % 60];
  return digits.map((digit) => SYLLABLES[digit] ?? "ba").join("");
}

/** Cumulative Zipf weights of ranks 1..SEARCH_VOCABULARY, built once. */
let zipfCdf: Float64Array | undefined;
function zipfRank(uniform: number): number {
  if (!zipfCdf) {
    zipfCdf = new Float64Array(SEARCH_VOCABULARY);
    let sum = 0;
    for (let r = 1; r <= SEARCH_VOCABULARY; r++) zipfCdf[r - 1] = sum += 1 / r;
    for (let i = 0; i < SEARCH_VOCABULARY; i++) zipfCdf[i] = (zipfCdf[i] ?? 0) / sum;
  }
  let low = 0;
  let high = SEARCH_VOCABULARY - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((zipfCdf[mid] ?? 1) < uniform) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

/** `count` words of the search vocabulary, deterministic per seed. */
function searchWords(seed: number, count: number): string {
  const out: string[] = [];
  let x = (seed * 2246822519) >>> 0;
  for (let i = 0; i < count; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    out.push(searchWord(zipfRank(x / 2 ** 32)));
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
  // Published (the column's default) at their creation time, like posts from before roles.
  const insertPost = sqlite.prepare(
    "insert into posts (id, author_id, title, content, created_at, updated_at, published_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (let id = 1; id <= size.users; id++) {
      const createdAt = new Date(EPOCH - (size.users - id + 1) * 3_600_000).toISOString();
      insertUser.run(id, userName(id), `${userName(id)}@bench.example`, passwordHash, createdAt);
    }
    for (let id = 1; id <= size.posts; id++) {
      const createdAt = new Date(EPOCH + id * POST_SPACING_MS).toISOString();
      const authorId = ((id * 7) % size.users) + 1;
      const title = `${words(id + 1, 4)} ${searchWords(-id, TITLE_SEARCH_WORDS)}`;
      const content = `${words(id, 30 + (id % 50))} ${searchWords(id, CONTENT_SEARCH_WORDS)}`;
      insertPost.run(id, authorId, title, content, createdAt, createdAt, createdAt);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}

/** The keyset position of post `id` as seeded (used to craft cursors at a known depth). */
export function seededPosition(id: number): { createdAt: string; id: number } {
  return { createdAt: new Date(EPOCH + id * POST_SPACING_MS).toISOString(), id };
}
