// Search on SQLite: FTS5's MATCH over the posts_search table (porter stemmer; the migration
// 20261206-0003-search keeps it current with triggers), bm25 for the score, highlight() for
// the marks. Every term goes into the MATCH expression as an FTS5 string (double-quoted, inner
// quotes doubled), so nothing a person types is read as FTS5 syntax (columns, NEAR, prefixes).
import { type Kysely, type SqlBool, sql } from "kysely";
import { commentCountOf } from "./comment-count.js";
import { PUBLIC_AUDIENCE, visibleTo } from "./post-visibility.js";
import { POST_WITH_AUTHOR_COLUMNS } from "./posts.js";
import type { Database } from "./schema.js";
import { BAND_RANKING_COLUMNS, bandRankingOf, candidateThreshold } from "./search-band.js";
import {
  type BandRankRequest,
  MATCH_END,
  MATCH_START,
  type SearchDialect,
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

const ftsTable = sql<{ rowid: number }>`"posts_search"`.as("posts_search");

/**
 * Whether this ranking leaves the query's exclusions to the candidates: bm25 counts the hits of
 * every phrase of a MATCH expression for its IDF, an excluded one included (a walk of that word's
 * whole doclist, ~15 ms for a word in a fifth of 1M posts), though an excluded phrase adds nothing
 * to any hit's score. So the newest band is matched on the wanted terms alone and each candidate
 * is checked against the excluded ones by rowid; the scores are the same. The full-band retry
 * (`candidates: null`) keeps the exclusions in the expression, where a check per hit would cost
 * more than the walk. So do the older bands: reaching one means the exclusions emptied a whole
 * band of wanted hits (`x -x` empties them all), and bands cut on the whole query hold hits of the
 * whole query, so the next one fills the page or is the last.
 */
const excludesPerCandidate = ({ query, candidates, band }: BandRankRequest) =>
  candidates !== null && query.none.length > 0 && band.below === null;

/**
 * The band's hits, from FTS5 alone: each id with its score, no post read yet (bm25 reads the
 * index's own row sizes). A band whose floor is not known yet is the newest `bandSize` hits,
 * walked newest first through the doclist, so a word in a fifth of a million posts scores
 * `bandSize` of them, not 200,000.
 */
function bandOf(db: Kysely<Database>, request: BandRankRequest) {
  const { query, band, bandSize } = request;
  const matched = excludesPerCandidate(request) ? { all: query.all, none: [] } : query;
  let select = db
    .selectFrom(ftsTable)
    .select([sql<number>`"posts_search"."rowid"`.as("id"), score.as("score")])
    .where(sql<SqlBool>`"posts_search" match ${fts5Expression(matched)}`);
  if (band.below !== null) select = select.where("posts_search.rowid", "<", band.below);
  if (band.floor !== null) return select.where("posts_search.rowid", ">=", band.floor);
  return select.orderBy("posts_search.rowid", "desc").limit(bandSize);
}

/**
 * The ranking of one band, unexecuted (query-plans.test.ts reads its plan). The band is scored
 * in FTS5 and kept in a temporary table; only the hits scoring at least the `candidates`-th best
 * (ties included) are joined with their posts through the visibility scope and put in order.
 * One row per hit of the page, each also carrying the band's edges (a row of nulls and the edges
 * when the page is empty).
 */
export function selectSqliteRanking(db: Kysely<Database>, request: BandRankRequest) {
  const { after, limit, now } = request;
  return db
    .with(
      (cte) => cte("band").materialized(),
      () => bandOf(db, request),
    )
    .with("edge", (qb) =>
      qb
        .selectFrom("band")
        .select((eb) => [
          eb.fn.min<number | null>("band.id").as("lowest_id"),
          eb.fn.countAll<number>().as("size"),
          candidateThreshold(request).as("threshold"),
        ]),
    )
    .selectFrom("edge")
    .leftJoin(
      (eb) => {
        let page = eb
          .selectFrom("band")
          .crossJoin("posts")
          .whereRef("posts.id", "=", "band.id")
          .where(
            sql<SqlBool>`"band"."score" >= coalesce((select "threshold" from "edge"), "band"."score")`,
          )
          .where(visibleTo(PUBLIC_AUDIENCE, now))
          .select(["posts.id", "posts.published_at", "band.score"]);
        if (after) {
          page = page.where(
            sql<SqlBool>`("band"."score", "posts"."published_at", "posts"."id") < (${after.score}, ${after.at}, ${after.id})`,
          );
        }
        if (excludesPerCandidate(request)) {
          const excluded = request.query.none.map(fts5String).join(" OR ");
          page = page.where(
            sql<SqlBool>`not exists (select 1 from "posts_search" as "excluded" where "excluded"."posts_search" match ${excluded} and "excluded"."rowid" = "band"."id")`,
          );
        }
        return page
          .orderBy("band.score", "desc")
          .orderBy("posts.published_at", "desc")
          .orderBy("posts.id", "desc")
          .limit(limit)
          .as("hit");
      },
      (join) => join.onTrue(),
    )
    .select(BAND_RANKING_COLUMNS)
    .orderBy("hit.score", "desc")
    .orderBy("hit.published_at", "desc")
    .orderBy("hit.id", "desc");
}

/**
 * Hits of `query` joined with their posts, visible to anyone at `now`. CROSS JOIN keeps the
 * full-text table the outer loop (SQLite never reorders it): hits first, then each hit's post by
 * primary key. Left to choose, the planner walks every published post through the feed index
 * and asks FTS5 about each (query-plans.test.ts).
 */
function hitsOf(db: Kysely<Database>, query: SearchQuery, now: string) {
  return db
    .selectFrom(ftsTable)
    .crossJoin("posts")
    .whereRef("posts.id", "=", "posts_search.rowid")
    .where(sql<SqlBool>`"posts_search" match ${fts5Expression(query)}`)
    .where(visibleTo(PUBLIC_AUDIENCE, now));
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
  rank: async (db, request) => bandRankingOf(await selectSqliteRanking(db, request).execute()),

  async read(db, request) {
    return request.ids.length === 0 ? [] : selectSqliteHits(db, request).execute();
  },
};
