// Frozen once released: a change to the schema is a new migration.
// Full-text search over posts (API.md "Search"; ADR 019): only the title and the content are
// indexed, kept current by the database itself in the statement that changes a post, so every
// create, update, publish, unpublish and delete (and a user's deletion cascading to their
// posts) moves the index in the same transaction. Existing posts are indexed here.
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { DialectName } from "../create-db.js";

// SQLite: an external-content FTS5 table reading from a view of the published posts, so drafts
// and pending posts never enter the index (nor its word statistics) and 'rebuild' and
// 'integrity-check' mean "exactly the published posts". Scheduled posts are in it: they go live
// by time alone, and the search query applies the visibility scope like every read.
const SQLITE_UP = [
  sql`create view posts_search_source as
    select id, title, content from posts where status = 'published'`,
  sql`create virtual table posts_search using fts5(
    title, content,
    content = 'posts_search_source', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`,
  sql`create trigger posts_search_insert after insert on posts
    when new.status = 'published' begin
      insert into posts_search (rowid, title, content) values (new.id, new.title, new.content);
    end`,
  sql`create trigger posts_search_delete after delete on posts
    when old.status = 'published' begin
      insert into posts_search (posts_search, rowid, title, content)
        values ('delete', old.id, old.title, old.content);
    end`,
  // One trigger, so the old entry is always removed before the new one is added.
  sql`create trigger posts_search_update after update of title, content, status on posts begin
      insert into posts_search (posts_search, rowid, title, content)
        select 'delete', old.id, old.title, old.content where old.status = 'published';
      insert into posts_search (rowid, title, content)
        select new.id, new.title, new.content where new.status = 'published';
    end`,
  sql`insert into posts_search (posts_search) values ('rebuild')`,
];

const SQLITE_DOWN = [
  sql`drop trigger posts_search_update`,
  sql`drop trigger posts_search_delete`,
  sql`drop trigger posts_search_insert`,
  sql`drop table posts_search`,
  sql`drop view posts_search_source`,
];

// Postgres: a stored generated tsvector (title weighted A, content B), computed by the database
// on every insert and update, and a GIN index. Adding the column computes it for every post.
const POSTGRES_UP = [
  sql`alter table posts add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, content), 'B')
  ) stored`,
  sql`create index posts_search_idx on posts using gin (search_vector)`,
];

const POSTGRES_DOWN = [
  sql`drop index posts_search_idx`,
  sql`alter table posts drop column search_vector`,
];

export function search(dialect: DialectName): Migration {
  const [up, down] = dialect === "sqlite" ? [SQLITE_UP, SQLITE_DOWN] : [POSTGRES_UP, POSTGRES_DOWN];
  return {
    async up(db: Kysely<any>) {
      for (const statement of up) await statement.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const statement of down) await statement.execute(db);
    },
  };
}
