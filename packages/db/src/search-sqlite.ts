// Search on SQLite: FTS5's MATCH over the posts_search table (porter stemmer; the migration
// 20261206-0003-search keeps it current with triggers), bm25 for the score, highlight() for
// the marks. Every term goes into the MATCH expression as an FTS5 string (double-quoted, inner
// quotes doubled), so nothing a person types is read as FTS5 syntax (columns, NEAR, prefixes).
import { type Kysely, type SqlBool, sql } from "kysely";
import { commentCountOf } from "./comment-count.js";
import { PUBLIC_AUDIENCE, visibleTo } from "./post-visibility.js";
import { POST_WITH_AUTHOR_COLUMNS } from "./posts.js";
import type { Database } from "./schema.js";
import {
  MATCH_END,
  MATCH_START,
  type SearchDialect,
  type SearchPageRequest,
  type SearchQuery,
  type SearchTerm,
} from "./search-query.js";

/** bm25 weights of the title and content columns: a match in the title counts five times. */
const TITLE_WEIGHT = 5;
const CONTENT_WEIGHT = 1;

/** An FTS5 string: the tokenizer splits it into words that must appear in that order. */
const fts5String = (term: SearchTerm) => `"${term.text.replaceAll('"', '""')}"`;

/** The MATCH expression for a parsed query: `("a" OR "b") AND "c d" NOT "e"`. */
export function fts5Expression(query: SearchQuery): string {
  const groups = query.all.map((group) => `(${group.map(fts5String).join(" OR ")})`);
  // FTS5's NOT is binary (`x NOT y`): each exclusion wraps what came before.
  return query.none.reduce(
    (expression, term) => `(${expression} NOT ${fts5String(term)})`,
    groups.join(" AND "),
  );
}

// bm25 is lower for better matches; negated, every dialect's score is "higher is better".
const score = sql<number>`-bm25("posts_search", ${sql.lit(TITLE_WEIGHT)}, ${sql.lit(CONTENT_WEIGHT)})`;

/**
 * Hits of `query` joined with their posts, visible to anyone at `now`. CROSS JOIN keeps the
 * full-text table the outer loop (SQLite never reorders it): hits first, then each hit's post by
 * primary key. Left to choose, the planner walks every published post through the feed index
 * and asks FTS5 about each (query-plans.test.ts).
 */
function hitsOf(db: Kysely<Database>, query: SearchQuery, now: string) {
  return db
    .selectFrom(sql<{ rowid: number }>`"posts_search"`.as("posts_search"))
    .crossJoin("posts")
    .whereRef("posts.id", "=", "posts_search.rowid")
    .where(sql<SqlBool>`"posts_search" match ${fts5Expression(query)}`)
    .where(visibleTo(PUBLIC_AUDIENCE, now));
}

/** The ranking query, unexecuted (query-plans.test.ts reads its plan). */
export function selectSqliteRanking(db: Kysely<Database>, request: SearchPageRequest) {
  const { query, limit, after, now } = request;
  let select = hitsOf(db, query, now).select(["posts.id", "posts.published_at", score.as("score")]);
  if (after) {
    select = select.where(
      sql<SqlBool>`(${score}, "posts"."published_at", "posts"."id") < (${after.score}, ${after.at}, ${after.id})`,
    );
  }
  return select
    .orderBy("score", "desc")
    .orderBy("posts.published_at", "desc")
    .orderBy("posts.id", "desc")
    .limit(limit);
}

/** A page of hits by id: each post with its author and its content marked, unexecuted. */
export function selectSqliteHits(
  db: Kysely<Database>,
  { query, ids, now }: { query: SearchQuery; ids: number[]; now: string },
) {
  return hitsOf(db, query, now)
    .innerJoin("users", "users.id", "posts.author_id")
    .select(POST_WITH_AUTHOR_COLUMNS)
    .select(commentCountOf(now))
    .select(
      sql<string>`highlight("posts_search", 1, ${MATCH_START}, ${MATCH_END})`.as("marked_content"),
    )
    .where("posts_search.rowid", "in", ids);
}

export const sqliteSearch: SearchDialect = {
  rank: (db, request) => selectSqliteRanking(db, request).execute(),

  async read(db, request) {
    return request.ids.length === 0 ? [] : selectSqliteHits(db, request).execute();
  },
};
