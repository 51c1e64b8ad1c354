// Full-text search over published posts (API.md "Search"; ADR 019): one function for both
// databases. The query arrives as a parsed structure (packages/api's query language), never as
// user text for the backend's own syntax; each dialect builds its query from quoted terms.
import { type Kysely, PostgresAdapter, SqliteAdapter } from "kysely";
import type { DialectName } from "./create-db.js";
import type { Database } from "./schema.js";
import { toIsoString } from "./schema.js";
import { postgresSearch } from "./search-postgres.js";
import type { MarkedPostRow, SearchPosition, SearchQuery } from "./search-query.js";
import { sqliteSearch } from "./search-sqlite.js";

export {
  MATCH_END,
  MATCH_START,
  type SearchPosition,
  type SearchQuery,
  type SearchTerm,
} from "./search-query.js";

export interface SearchPageQuery {
  query: SearchQuery;
  limit: number;
  after?: SearchPosition | undefined;
  /** The time of the read (ISO); a post scheduled after it is not found. */
  now?: string | undefined;
}

export type SearchHitRow = MarkedPostRow & { score: number };

export interface SearchPage {
  hits: SearchHitRow[];
  /** Where the next page starts, or null on the last page. */
  next: SearchPosition | null;
}

/** The dialect a Kysely instance was built for (createDb chose it from the URL). */
function dialectOfDb(db: Kysely<Database>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error("search: the database is neither SQLite nor Postgres");
}

/**
 * A page of published posts matching `query`, best first (a title match weighs more), ties
 * newest first, after `after`. Applies the public visibility scope: what `post.byId` would not
 * return is never found.
 */
export async function searchPosts(
  db: Kysely<Database>,
  request: SearchPageQuery,
): Promise<SearchPage> {
  if (request.query.all.length === 0) throw new Error("search: a query needs a word to find");
  const dialect = dialectOfDb(db) === "sqlite" ? sqliteSearch : postgresSearch;
  const now = request.now ?? new Date().toISOString();
  const { query, limit } = request;
  const ranked = await dialect.rank(db, { query, limit: limit + 1, after: request.after, now });
  const page = ranked.slice(0, limit);
  const rows = await dialect.read(db, { query, ids: page.map((hit) => hit.id), now });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A post changed between the two reads (unpublished, rewritten) is left out of this page;
  // the next one still starts after the last hit ranked, so nothing else is skipped.
  const hits = page.flatMap((hit) => {
    const row = byId.get(hit.id);
    return row ? [{ ...row, score: hit.score }] : [];
  });
  const last = page[page.length - 1];
  const next =
    ranked.length > limit && last
      ? { score: last.score, at: toIsoString(last.published_at ?? now), id: last.id }
      : null;
  return { hits, next };
}
