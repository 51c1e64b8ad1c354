// Full-text search over published posts (API.md "Search"; ADR 019): one function for both
// databases. The query arrives as a parsed structure (packages/api's query language), never as
// user text for the backend's own syntax; each dialect builds its query from quoted terms.
import { type Kysely, PostgresAdapter, SqliteAdapter } from "kysely";
import type { DialectName } from "./create-db.js";
import type { Database } from "./schema.js";
import { postgresSearch } from "./search-postgres.js";
import type { ScoredPostRow, SearchPosition, SearchQuery } from "./search-query.js";
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

export type SearchHitRow = ScoredPostRow & {
  /**
   * The content with each matched word between MATCH_START and MATCH_END, as the database's
   * own highlighter (same tokenizer and stemmer as the index) marked it; null if the post
   * changed between the two reads.
   */
  marked_content: string | null;
};

/** The dialect a Kysely instance was built for (createDb chose it from the URL). */
function dialectOfDb(db: Kysely<Database>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error("search: the database is neither SQLite nor Postgres");
}

/**
 * A page of published posts matching `query`, best first (a title match weighs more), ties
 * newest first, after `after`; `more` says whether another page exists. Applies the public
 * visibility scope: what `post.byId` would not return is never found.
 */
export async function searchPosts(
  db: Kysely<Database>,
  request: SearchPageQuery,
): Promise<{ hits: SearchHitRow[]; more: boolean }> {
  if (request.query.all.length === 0) throw new Error("search: a query needs a word to find");
  const dialect = dialectOfDb(db) === "sqlite" ? sqliteSearch : postgresSearch;
  const rows = await dialect.page(db, {
    query: request.query,
    limit: request.limit + 1,
    after: request.after,
    now: request.now ?? new Date().toISOString(),
  });
  const page = rows.slice(0, request.limit);
  // Marking runs on the page only: highlighting every hit before the sort would cost a
  // highlighter pass over every matching post.
  const marked = await dialect.mark(
    db,
    request.query,
    page.map((row) => row.id),
  );
  return {
    hits: page.map((row) => ({ ...row, marked_content: marked.get(row.id) ?? null })),
    more: rows.length > request.limit,
  };
}
