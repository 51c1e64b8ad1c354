// Search on Postgres: the posts.search_vector column (a stored generated tsvector, title
// weighted A and content B; migration 20261206-0003-search) with its GIN index, ts_rank_cd for
// the score, ts_headline for the marks. Each term goes to plainto_tsquery / phraseto_tsquery as
// a bound value and the tsquery operators come from the parsed structure, so nothing a person
// types is read as tsquery syntax.
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { commentCountOf } from "./comment-count.js";
import { PUBLIC_AUDIENCE, visibleTo } from "./post-visibility.js";
import { POST_WITH_AUTHOR_COLUMNS } from "./posts.js";
import type { Database } from "./schema.js";
import { BAND_RANKING_COLUMNS, bandRankingOf } from "./search-band.js";
import {
  type BandRankRequest,
  MATCH_END,
  MATCH_START,
  type SearchDialect,
  type SearchQuery,
  type SearchTerm,
} from "./search-query.js";

const english = sql`'english'::regconfig`;

function termQuery(term: SearchTerm): RawBuilder<string> {
  return term.phrase
    ? sql`phraseto_tsquery(${english}, ${term.text})`
    : sql`plainto_tsquery(${english}, ${term.text})`;
}

/** The tsquery for a parsed query: `(a || b) && c <-> d && !!e`. */
export function tsquery(query: SearchQuery): RawBuilder<string> {
  const groups = query.all.map((group) => sql`(${sql.join(group.map(termQuery), sql` || `)})`);
  const excluded = query.none.map((term) => sql`!!${termQuery(term)}`);
  return sql`(${sql.join([...groups, ...excluded], sql` && `)})`;
}

// ts_rank_cd's default weights {D, C, B, A} = {0.1, 0.2, 0.4, 1.0}: a title match (A) counts
// 2.5 times a content match (B). float8, so the score read back compares equal in a cursor.
const scoreOf = (query: RawBuilder<string>) =>
  sql<number>`ts_rank_cd("posts"."search_vector", ${query})::float8`;

const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

/** Posts matching `query`, visible to anyone at `now` (through the GIN index when it pays). */
function hitsOf(db: Kysely<Database>, query: RawBuilder<string>, now: string) {
  return db
    .selectFrom("posts")
    .where(sql<SqlBool>`"posts"."search_vector" @@ ${query}`)
    .where(visibleTo(PUBLIC_AUDIENCE, now));
}

/**
 * The band's visible hits by id (a band whose floor is not known yet: the newest `bandSize`).
 * Scores are taken after the band is cut, so ts_rank_cd reads at most `bandSize` tsvectors.
 */
function bandOf(db: Kysely<Database>, query: RawBuilder<string>, request: BandRankRequest) {
  const { band, bandSize, now } = request;
  let select = hitsOf(db, query, now).select(["posts.id", "posts.published_at"]);
  if (band.below !== null) select = select.where("posts.id", "<", band.below);
  if (band.floor !== null) return select.where("posts.id", ">=", band.floor);
  return select.orderBy("posts.id", "desc").limit(bandSize);
}

/**
 * The ranking of one band: the band's hits in a temporary table, scored, the page taken in the
 * exact order (the same statement shape as SQLite's: one row per hit with the band's edges).
 * The band already holds only visible posts, so no candidate cut is needed to keep joins few.
 */
export function selectPostgresRanking(db: Kysely<Database>, request: BandRankRequest) {
  const { after, limit } = request;
  const parsed = tsquery(request.query);
  return db
    .with(
      (cte) => cte("band").materialized(),
      () => bandOf(db, parsed, request),
    )
    .with("scored", (qb) =>
      qb
        .selectFrom("band")
        .innerJoin("posts", "posts.id", "band.id")
        .select(["band.id", "band.published_at", scoreOf(parsed).as("score")]),
    )
    .with("edge", (qb) =>
      qb
        .selectFrom("band")
        .select((eb) => [
          eb.fn.min<number | null>("band.id").as("lowest_id"),
          eb.fn.countAll<string>().as("size"),
          sql<number | null>`cast(null as double precision)`.as("threshold"),
        ]),
    )
    .selectFrom("edge")
    .leftJoin(
      (eb) => {
        let page = eb
          .selectFrom("scored")
          .select(["scored.id", "scored.published_at", "scored.score"]);
        if (after) {
          page = page.where(
            sql<SqlBool>`("scored"."score", "scored"."published_at", "scored"."id") < (${after.score}, ${after.at}::timestamptz, ${after.id})`,
          );
        }
        return page
          .orderBy("scored.score", "desc")
          .orderBy("scored.published_at", "desc")
          .orderBy("scored.id", "desc")
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

export const postgresSearch: SearchDialect = {
  rank: async (db, request) => bandRankingOf(await selectPostgresRanking(db, request).execute()),

  async read(db, { query, ids, now }) {
    if (ids.length === 0) return [];
    return hitsOf(db, tsquery(query), now)
      .innerJoin("users", "users.id", "posts.author_id")
      .select(POST_WITH_AUTHOR_COLUMNS)
      .select(commentCountOf(now))
      .select(
        sql<string>`ts_headline(${english}, "posts"."content", ${tsquery(query)}, ${HEADLINE_OPTIONS})`.as(
          "marked_content",
        ),
      )
      .where("posts.id", "in", ids)
      .execute();
  },
};
