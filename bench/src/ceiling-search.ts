// The ceiling's post.search: the very two statements Folio's SQLite search runs (see
// packages/db/src/search-sqlite.ts: rank every hit and keep a page, then read that page's posts
// with highlight()), with the query language read by a bare parser of the same rules. Hits go
// out with their marked content as the database gave it: the snippet is Folio's own extra work.
import type Database from "better-sqlite3";

const FROM_HITS = 'from "posts_search" as "posts_search" cross join "posts" ';
const WHERE_HITS =
  'where "posts"."id" = "posts_search"."rowid" and "posts_search" match ? ' +
  'and ("posts"."status" = ? and "posts"."published_at" <= ?)';
const RANK_SQL =
  'select "posts"."id", "posts"."published_at", -bm25("posts_search", 5, 1) as "score" ' +
  `${FROM_HITS}${WHERE_HITS} ` +
  'order by "score" desc, "posts"."published_at" desc, "posts"."id" desc limit ?';
/** Folio's statement reading a page of `count` hits by id, their content marked. */
const readSql = (count: number) =>
  'select "posts"."id", "posts"."title", "posts"."content", "posts"."status", ' +
  '"posts"."published_at", "posts"."created_at", "posts"."updated_at", "posts"."author_id", ' +
  '"users"."username" as "author_username", "users"."image_url" as "author_image_url", ' +
  '"users"."created_at" as "author_created_at", ' +
  'highlight("posts_search", 1, ?, ?) as "marked_content" ' +
  `${FROM_HITS}inner join "users" on "users"."id" = "posts"."author_id" ${WHERE_HITS} ` +
  `and "posts_search"."rowid" in (${Array.from({ length: count }, () => "?").join(", ")})`;

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
  const rank = sqlite.prepare<[string, string, string, number], RankedRow>(RANK_SQL);
  const reads = new Map<number, Database.Statement<unknown[], HitRow>>();
  const read = (count: number) => {
    let statement = reads.get(count);
    if (!statement) {
      statement = sqlite.prepare<unknown[], HitRow>(readSql(count));
      reads.set(count, statement);
    }
    return statement;
  };
  /** The first page of hits for `q`, best first; null when `q` has nothing to search for. */
  return (q: string, limit: number) => {
    const match = ceilingMatchExpression(q);
    if (match === null) return null;
    const now = new Date().toISOString();
    const ranked = rank.all(match, "published", now, limit + 1);
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
