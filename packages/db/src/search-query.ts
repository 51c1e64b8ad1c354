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

/** A hit as the page query returns it: the post, its author, and its score (higher: better). */
export type ScoredPostRow = PostWithAuthorRow & { score: number };

/** Private-use characters the highlighters put around each match. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

/** One page of hits to read: `limit` rows after `after`, as seen at `now`. */
export interface SearchPageRequest {
  query: SearchQuery;
  limit: number;
  after: SearchPosition | undefined;
  now: string;
}

/** How one database runs a search: one page of hits, then the matches marked in them. */
export interface SearchDialect {
  page(db: Kysely<Database>, request: SearchPageRequest): Promise<ScoredPostRow[]>;
  /** Each post's content with every match between MATCH_START and MATCH_END, by id. */
  mark(db: Kysely<Database>, query: SearchQuery, ids: number[]): Promise<Map<number, string>>;
}
