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

/** Where a page of hits ends: the hit's score, `published_at` and id (the order of hits). */
export interface SearchPosition {
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

/** Hits to rank: `limit` of them after `after`, as seen at `now`. */
export interface SearchPageRequest {
  query: SearchQuery;
  limit: number;
  after: SearchPosition | undefined;
  now: string;
}

/**
 * How one database runs a search: rank every hit and keep a page of them, then read that page's
 * posts with their matches marked (highlighting every hit before the sort would cost a
 * highlighter pass over every matching post). Both apply the public visibility scope.
 */
export interface SearchDialect {
  rank(db: Kysely<Database>, request: SearchPageRequest): Promise<RankedHit[]>;
  read(
    db: Kysely<Database>,
    request: { query: SearchQuery; ids: number[]; now: string },
  ): Promise<MarkedPostRow[]>;
}
