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
import {
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

export const postgresSearch: SearchDialect = {
  rank(db, { query, limit, after, now }) {
    const parsed = tsquery(query);
    const score = scoreOf(parsed);
    let select = hitsOf(db, parsed, now).select([
      "posts.id",
      "posts.published_at",
      score.as("score"),
    ]);
    if (after) {
      select = select.where(
        sql<SqlBool>`(${score}, "posts"."published_at", "posts"."id") < (${after.score}, ${after.at}::timestamptz, ${after.id})`,
      );
    }
    return select
      .orderBy("score", "desc")
      .orderBy("posts.published_at", "desc")
      .orderBy("posts.id", "desc")
      .limit(limit)
      .execute();
  },

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
