// Full-text search over published posts (API.md "Search"; ADR 019): one function for both
// databases. The query arrives as a parsed structure (packages/api's query language), never as
// user text for the backend's own syntax; each dialect builds its query from quoted terms.
import { type Kysely, PostgresAdapter, SqliteAdapter } from "kysely";
import type { DialectName } from "./create-db.js";
import type { Database } from "./schema.js";
import { toIsoString } from "./schema.js";
import { postgresSearch } from "./search-postgres.js";
import type {
  BandRanking,
  BandRankRequest,
  MarkedPostRow,
  RankedHit,
  SearchBand,
  SearchDialect,
  SearchPosition,
  SearchQuery,
} from "./search-query.js";
import { sqliteSearch } from "./search-sqlite.js";

export {
  MATCH_END,
  MATCH_START,
  type SearchBand,
  type SearchPosition,
  type SearchQuery,
  type SearchTerm,
} from "./search-query.js";

/**
 * How many hits are ranked together: a query's hits are ranked best first within bands of the
 * newest `RANKED_TOGETHER` (by post id), band after band, so a page costs at most one band's
 * scoring however many posts match (ADR 022). A query with fewer hits is ranked exactly.
 */
export const RANKED_TOGETHER = 10_000;

/**
 * Hits joined with their posts per hit wanted on a page, before the exact order is taken: the
 * rest of a band is only scored. Too few (a page of ties, scheduled posts) and the band is asked
 * again with every hit joined.
 */
const CANDIDATES_PER_HIT = 4;

export interface SearchPageQuery {
  query: SearchQuery;
  limit: number;
  after?: SearchPosition | undefined;
  /** The time of the read (ISO); a post scheduled after it is not found. */
  now?: string | undefined;
  /** Hits ranked together (tests use a few to see bands at work). */
  bandSize?: number | undefined;
}

export type SearchHitRow = MarkedPostRow & { score: number };

export interface SearchPage {
  hits: SearchHitRow[];
  /** Where the next page starts, or null on the last page. */
  next: SearchPosition | null;
}

type BandedHit = RankedHit & { band: SearchBand };

/** The dialect a Kysely instance was built for (createDb chose it from the URL). */
function dialectOfDb(db: Kysely<Database>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error("search: the database is neither SQLite nor Postgres");
}

/**
 * A page of published posts matching `query`, best first (a title match weighs more), ties
 * newest first, within bands of the newest RANKED_TOGETHER hits, after `after`. Applies the
 * public visibility scope: what `post.byId` would not return is never found.
 */
export async function searchPosts(
  db: Kysely<Database>,
  request: SearchPageQuery,
): Promise<SearchPage> {
  if (request.query.all.length === 0) throw new Error("search: a query needs a word to find");
  const dialect = dialectOfDb(db) === "sqlite" ? sqliteSearch : postgresSearch;
  const now = request.now ?? new Date().toISOString();
  const { query, limit } = request;
  const ranked = await rankHits(db, dialect, {
    query,
    wanted: limit + 1,
    after: request.after,
    bandSize: request.bandSize ?? RANKED_TOGETHER,
    now,
  });
  const page = ranked.slice(0, limit);
  const rows = await dialect.read(db, { query, ids: page.map((hit) => hit.id), now });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A post changed between the two reads (unpublished, rewritten) is left out of this page;
  // the next one still starts after the last hit ranked, so nothing else is skipped.
  const hits = page.flatMap((hit) => {
    const row = byId.get(hit.id);
    return row ? [{ ...row, score: hit.score }] : [];
  });
  const last = page[page.length - 1];
  const next =
    ranked.length > limit && last
      ? {
          band: last.band,
          score: last.score,
          at: toIsoString(last.published_at ?? now),
          id: last.id,
        }
      : null;
  return { hits, next };
}

/**
 * The next `wanted` hits after `after`: the rest of its band, then the bands below it, each
 * ranked on its own. A band's floor is fixed when it is first ranked and travels in the cursor,
 * so its pages never repeat or skip a hit while no post changes.
 */
async function rankHits(
  db: Kysely<Database>,
  dialect: SearchDialect,
  request: {
    query: SearchQuery;
    wanted: number;
    after: SearchPosition | undefined;
    bandSize: number;
    now: string;
  },
): Promise<BandedHit[]> {
  const { query, wanted, bandSize, now } = request;
  const ranked: BandedHit[] = [];
  let band: BandRankRequest["band"] = request.after?.band ?? { below: null, floor: null };
  let after: BandRankRequest["after"] = request.after;
  for (;;) {
    const limit = wanted - ranked.length;
    const asked = { query, band, bandSize, after, limit, now };
    let ranking = await dialect.rank(db, { ...asked, candidates: CANDIDATES_PER_HIT * limit });
    const fixed = fixedBand(band, ranking, bandSize);
    if (ranking.cut && ranking.hits.length < limit) {
      ranking = await dialect.rank(db, { ...asked, band: fixed, candidates: null });
    }
    ranked.push(...ranking.hits.map((hit) => ({ ...hit, band: fixed })));
    if (ranked.length >= wanted || fixed.floor === 0) return ranked;
    band = { below: fixed.floor, floor: null };
    after = undefined;
  }
}

/** A band with its floor known: as it was asked for, or as its first ranking found it. */
function fixedBand(
  band: BandRankRequest["band"],
  ranking: BandRanking,
  bandSize: number,
): SearchBand {
  if (band.floor !== null) return { below: band.below, floor: band.floor };
  // Fewer hits than a band holds: these are all the hits below `below`, the last band.
  const floor = ranking.size < bandSize ? 0 : (ranking.lowestId ?? 0);
  return { below: band.below, floor };
}
