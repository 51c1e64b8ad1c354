// The shapes of a search, shared by the search function and each dialect's query builder.
import type { Kysely } from "kysely";
import type { PostWithAuthorRow } from "./posts.js";
import type { Database } from "./schema.js";

/** One thing to look for: a word (in any form the stemmer joins), or words in that order. */
export interface SearchTerm {
  text: string;
  phrase: boolean;
}

/** Every group must match (a group matches when any of its terms does); no `none` term may. */
export interface SearchQuery {
  all: SearchTerm[][];
  none: SearchTerm[];
}

/**
 * A stretch of the hits by post id, ranked together: `floor <= id < below` (`below` null: no
 * upper bound). A query's hits are ranked in bands of the newest `bandSize` (search.ts), so the
 * work of a page is bounded however many posts match; a query with fewer hits has one band, and
 * its order is exactly best first. Floor 0 marks the last band (every older hit is in it).
 */
export interface SearchBand {
  below: number | null;
  floor: number;
}

/** Where a page of hits ends: its band, then the hit's score, `published_at` and id. */
export interface SearchPosition {
  band: SearchBand;
  score: number;
  at: string;
  id: number;
}

/** A hit as ranked: only what orders it, so sorting every hit moves no text around. */
export interface RankedHit {
  id: number;
  /** Higher is better; only comparable within one query while no post changes. */
  score: number;
  published_at: Date | string | null;
}

/** A hit's post as read for the page, with its content marked by the database's highlighter. */
export type MarkedPostRow = PostWithAuthorRow & {
  /** The content with each match between MATCH_START and MATCH_END. */
  marked_content: string;
};

/** Private-use characters the highlighters put around each match. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

/**
 * Rank hits in one band, `limit` of them after `after`, as seen at `now`. A band whose floor is
 * not known yet is the newest `bandSize` hits below `band.below`. With `candidates`, only the hits
 * scoring at least the `candidates`-th best (after `after`'s score) are joined with their posts;
 * search.ts asks again without it when that left the page short (ties, scheduled posts).
 */
export interface BandRankRequest {
  query: SearchQuery;
  band: { below: number | null; floor: number | null };
  bandSize: number;
  after: Omit<SearchPosition, "band"> | undefined;
  limit: number;
  candidates: number | null;
  now: string;
}

/** What ranking a band found: the page's hits and the band's edges as the database saw them. */
export interface BandRanking {
  hits: RankedHit[];
  /** The lowest id in the band (null when it holds no hit) and how many hits it holds. */
  lowestId: number | null;
  size: number;
  /** Whether the `candidates` cut applied (fewer candidates than the band held). */
  cut: boolean;
}

/**
 * How one database runs a search: rank the hits of a band and keep a page of them, then read that
 * page's posts with their matches marked (highlighting every hit before the sort would cost a
 * highlighter pass over every matching post). Both apply the public visibility scope.
 */
export interface SearchDialect {
  rank(db: Kysely<Database>, request: BandRankRequest): Promise<BandRanking>;
  read(
    db: Kysely<Database>,
    request: { query: SearchQuery; ids: number[]; now: string },
  ): Promise<MarkedPostRow[]>;
}
