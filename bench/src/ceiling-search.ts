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
/** Folio's band ranking: `bandSql` picks the band (newest BAND_SIZE, or an id range). */
const rankSql = (band: string, threshold: string) =>
  `with "band" as materialized (select "posts_search"."rowid" as "id", -bm25("posts_search", 5, 1) as "score" from "posts_search" as "posts_search" where "posts_search" match ? ${band}), ` +
  `"edge" as (select min("band"."id") as "lowest_id", count(*) as "size", ${threshold} as "threshold" from "band") ` +
  'select "edge"."lowest_id", "edge"."size", "edge"."threshold", "hit"."id", "hit"."published_at", "hit"."score" from "edge" ' +
  'left join (select "posts"."id", "posts"."published_at", "band"."score" from "band" cross join "posts" ' +
  'where "posts"."id" = "band"."id" and "band"."score" >= coalesce((select "threshold" from "edge"), "band"."score") ' +
  `and ${VISIBLE} order by "band"."score" desc, "posts"."published_at" desc, "posts"."id" desc limit ?) as "hit" on true ` +
  'order by "hit"."score" desc, "hit"."published_at" desc, "hit"."id" desc';
/** The first page: the newest band, its best candidates only. */
const NEWEST_BAND_SQL = rankSql(
  'order by "posts_search"."rowid" desc limit ?',
  '(select "band"."score" from "band"  order by "band"."score" desc limit 1 offset ?)',
);
/** A band by its ids, every hit joined (after a short page, or the next band down). */
const BAND_BY_ID_SQL = rankSql(
  'and "posts_search"."rowid" < ? and "posts_search"."rowid" >= ?',
  "cast(null as double precision)",
);
const NEXT_BAND_SQL = rankSql(
  'and "posts_search"."rowid" < ? order by "posts_search"."rowid" desc limit ?',
  '(select "band"."score" from "band"  order by "band"."score" desc limit 1 offset ?)',
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

/** API.md's query language as an FTS5 expression: words, "phrases", -exclusions, or. */
export function ceilingMatchExpression(q: string): string | null {
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
  const all = groups.map((group) => `(${group.join(" OR ")})`).join(" AND ");
  return excluded.reduce((expression, term) => `(${expression} NOT ${term})`, all);
}

export function ceilingSearch(sqlite: Database.Database) {
  const newestBand = sqlite.prepare<unknown[], BandRow>(NEWEST_BAND_SQL);
  const nextBand = sqlite.prepare<unknown[], BandRow>(NEXT_BAND_SQL);
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
  const rank = (match: string, now: string, wanted: number): RankedRow[] => {
    const ranked: RankedRow[] = [];
    let below: number | null = null;
    for (;;) {
      const limit = wanted - ranked.length;
      const cut = CANDIDATES_PER_HIT * limit - 1;
      let rows: BandRow[] =
        below === null
          ? newestBand.all(match, BAND_SIZE, cut, "published", now, limit)
          : nextBand.all(match, below, BAND_SIZE, cut, "published", now, limit);
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
    const match = ceilingMatchExpression(q);
    if (match === null) return null;
    const now = new Date().toISOString();
    const ranked = rank(match, now, limit + 1);
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
