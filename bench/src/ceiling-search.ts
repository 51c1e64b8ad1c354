// The ceiling's post.search: the very statements Folio's SQLite search runs (see
// packages/db/src/search-sqlite.ts and search.ts: rank the newest band of hits, joining only the
// best candidates with their posts, and again with every hit of the band when that left the page
// short; then read that page's posts with highlight()), with the query language read by a bare
// parser of the same rules. Hits go out with their marked content as the database gave it: the
// snippet is Folio's own extra work.
import type Database from "better-sqlite3";

/** Folio's RANKED_TOGETHER and CANDIDATES_PER_HIT (packages/db/src/search.ts). */
const BAND_SIZE = 10_000;
const CANDIDATES_PER_HIT = 4;

const VISIBLE = '("posts"."status" = ? and "posts"."published_at" <= ?)';
const FROM_HITS = 'from "posts_search" as "posts_search" cross join "posts" ';
const WHERE_HITS = `where "posts"."id" = "posts_search"."rowid" and "posts_search" match ? and ${VISIBLE}`;
/** Folio's candidate check of a query's exclusions (search-sqlite.ts, excludesPerCandidate). */
const NOT_EXCLUDED =
  'and not exists (select 1 from "posts_search" as "excluded" where "excluded"."posts_search" match ? and "excluded"."rowid" = "band"."id") ';
const THRESHOLD =
  '(select "band"."score" from "band"  order by "band"."score" desc limit 1 offset ?)';
/** Folio's band ranking: `band` picks the band (newest BAND_SIZE, or an id range). */
const rankSql = (band: string, threshold: string, exclusion = "") =>
  `with "band" as materialized (select "posts_search"."rowid" as "id", -bm25("posts_search", 5, 1) as "score" from "posts_search" as "posts_search" where "posts_search" match ? ${band}), ` +
  `"edge" as (select min("band"."id") as "lowest_id", count(*) as "size", ${threshold} as "threshold" from "band") ` +
  'select "edge"."lowest_id", "edge"."size", "edge"."threshold", "hit"."id", "hit"."published_at", "hit"."score" from "edge" ' +
  'left join (select "posts"."id", "posts"."published_at", "band"."score" from "band" cross join "posts" ' +
  'where "posts"."id" = "band"."id" and "band"."score" >= coalesce((select "threshold" from "edge"), "band"."score") ' +
  `and ${VISIBLE} ${exclusion}order by "band"."score" desc, "posts"."published_at" desc, "posts"."id" desc limit ?) as "hit" on true ` +
  'order by "hit"."score" desc, "hit"."published_at" desc, "hit"."id" desc';
/** A first page: the newest band, its best candidates only. */
const newestBandSql = (exclusion?: string) =>
  rankSql('order by "posts_search"."rowid" desc limit ?', THRESHOLD, exclusion);
/** An older band: the newest BAND_SIZE hits of the whole query below the last band. */
const NEXT_BAND_SQL = rankSql(
  'and "posts_search"."rowid" < ? order by "posts_search"."rowid" desc limit ?',
  THRESHOLD,
);
/** A band by its ids, every hit joined, exclusions in the expression (after a short page). */
const BAND_BY_ID_SQL = rankSql(
  'and "posts_search"."rowid" < ? and "posts_search"."rowid" >= ?',
  "cast(null as double precision)",
);
/** Folio's statement reading a page of `count` hits by id, their content marked. */
const readSql = (count: number) =>
  'select "posts"."id", "posts"."title", "posts"."content", "posts"."status", ' +
  '"posts"."published_at", "posts"."created_at", "posts"."updated_at", "posts"."author_id", ' +
  '"users"."username" as "author_username", "users"."image_url" as "author_image_url", ' +
  '"users"."created_at" as "author_created_at", ' +
  'highlight("posts_search", 1, ?, ?) as "marked_content" ' +
  `${FROM_HITS}inner join "users" on "users"."id" = "posts"."author_id" ${WHERE_HITS} ` +
  `and "posts_search"."rowid" in (${Array.from({ length: count }, () => "?").join(", ")})`;

interface BandRow {
  lowest_id: number | null;
  size: number;
  threshold: number | null;
  id: number | null;
  published_at: string | null;
  score: number | null;
}

interface RankedRow {
  id: number;
  published_at: string;
  score: number;
}

interface HitRow {
  id: number;
  title: string;
  marked_content: string;
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A query as FTS5 expressions: all of it, its wanted terms, its excluded ones (or null). */
interface CeilingMatch {
  match: string;
  wanted: string;
  excluded: string | null;
}

/** API.md's query language as FTS5 expressions: words, "phrases", -exclusions, or. */
export function ceilingMatchExpression(q: string): CeilingMatch | null {
  const groups: string[][] = [];
  const excluded: string[] = [];
  let joinNext = false;
  for (const [, minus, phrase, word] of q.matchAll(/(-?)(?:"([^"]*)"?|([^\s"]+))/g)) {
    const text = (phrase ?? word ?? "").trim().replace(/\s+/g, " ");
    if (!minus && phrase === undefined && text.toLowerCase() === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    if (minus) excluded.push(quoted(text));
    else if (joinNext) groups[groups.length - 1]?.push(quoted(text));
    else groups.push([quoted(text)]);
    joinNext = false;
  }
  if (groups.length === 0) return null;
  const wanted = groups.map((group) => `(${group.join(" OR ")})`).join(" AND ");
  return {
    match: excluded.reduce((expression, term) => `(${expression} NOT ${term})`, wanted),
    wanted,
    excluded: excluded.length > 0 ? excluded.join(" OR ") : null,
  };
}

export function ceilingSearch(sqlite: Database.Database) {
  const prepare = (text: string) => sqlite.prepare<unknown[], BandRow>(text);
  const newestBand = prepare(newestBandSql());
  const nextBand = prepare(NEXT_BAND_SQL);
  const newestBandExcluding = prepare(newestBandSql(NOT_EXCLUDED));
  const bandById = sqlite.prepare<unknown[], BandRow>(BAND_BY_ID_SQL);
  const reads = new Map<number, Database.Statement<unknown[], HitRow>>();
  const read = (count: number) => {
    let statement = reads.get(count);
    if (!statement) {
      statement = sqlite.prepare<unknown[], HitRow>(readSql(count));
      reads.set(count, statement);
    }
    return statement;
  };
  /** The first `wanted` hits, band after band (search.ts's rankHits for a first page). */
  const rank = (query: CeilingMatch, now: string, wanted: number): RankedRow[] => {
    const { match, excluded } = query;
    const ranked: RankedRow[] = [];
    let below: number | null = null;
    for (;;) {
      const limit = wanted - ranked.length;
      const cut = CANDIDATES_PER_HIT * limit - 1;
      const visible = ["published", now];
      // Only the newest band leaves a query's exclusions to its candidates (search-sqlite.ts).
      let rows: BandRow[];
      if (below !== null) rows = nextBand.all(match, below, BAND_SIZE, cut, ...visible, limit);
      else if (excluded === null) rows = newestBand.all(match, BAND_SIZE, cut, ...visible, limit);
      else {
        const words = query.wanted;
        rows = newestBandExcluding.all(words, BAND_SIZE, cut, ...visible, excluded, limit);
      }
      const edge = rows[0];
      const floor: number = !edge || edge.size < BAND_SIZE ? 0 : (edge.lowest_id ?? 0);
      let hits = rows.filter((row) => row.id !== null);
      if (edge?.threshold != null && hits.length < limit) {
        rows = bandById.all(
          match,
          below ?? Number.MAX_SAFE_INTEGER,
          floor,
          "published",
          now,
          limit,
        );
        hits = rows.filter((row) => row.id !== null);
      }
      ranked.push(...(hits as RankedRow[]));
      if (ranked.length >= wanted || floor === 0) return ranked;
      below = floor;
    }
  };
  /** The first page of hits for `q`, best first; null when `q` has nothing to search for. */
  return (q: string, limit: number) => {
    const query = ceilingMatchExpression(q);
    if (query === null) return null;
    const { match } = query;
    const now = new Date().toISOString();
    const ranked = rank(query, now, limit + 1);
    const page = ranked.slice(0, limit);
    const ids = page.map((hit) => hit.id);
    const rows =
      ids.length > 0
        ? read(ids.length).all("\uE000", "\uE001", match, "published", now, ...ids)
        : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const last = page[page.length - 1];
    return {
      items: page.flatMap((hit) => {
        const row = byId.get(hit.id);
        return row ? [{ ...row, score: hit.score }] : [];
      }),
      nextCursor: ranked.length > limit && last ? `${last.score}:${last.id}` : null,
    };
  };
}
