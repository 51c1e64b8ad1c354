// Migrations come from a static list (folder scanning breaks once the code is bundled).
import { type Kysely, sql } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import type { DialectName } from "./create-db.js";
import { createUsersAndPosts } from "./migrations/20261129-0001-create-users-and-posts.js";
import { createSessions } from "./migrations/20261201-0001-create-sessions.js";
import { mailTokens } from "./migrations/20261201-0002-mail-tokens.js";
import { createPictures } from "./migrations/20261201-0003-pictures.js";
import { rolesAndDrafts } from "./migrations/20261206-0001-roles-and-drafts.js";
import { createComments } from "./migrations/20261206-0002-comments.js";
import { search } from "./migrations/20261206-0003-search.js";
import { auditAndOutbox } from "./migrations/20261206-0004-audit-and-outbox.js";
import { withOwnSchemaIntrospection } from "./own-schema-introspection.js";
import type { Database } from "./schema.js";

/** Every migration, by name; names sort in the order they run. Never edit a released one. */
export function folioMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    "20261129-0001-create-users-and-posts": createUsersAndPosts(dialect),
    "20261201-0001-create-sessions": createSessions(dialect),
    "20261201-0002-mail-tokens": mailTokens(dialect),
    "20261201-0003-pictures": createPictures(dialect),
    "20261206-0001-roles-and-drafts": rolesAndDrafts(dialect),
    "20261206-0002-comments": createComments(dialect),
    "20261206-0003-search": search(dialect),
    "20261206-0004-audit-and-outbox": auditAndOutbox(dialect),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("The database has no current schema (check search_path)");
  return schema;
}

/** Applies every pending migration; throws (with the failing migration's name) on error. */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  // Another process's DDL in its own schema can still race a catalogue read of ours (a schema,
  // a table or a column gone between two reads); such a failure, before any migration of ours
  // ran, is safe to repeat.
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db, dialect);
    } catch (error) {
      if (attempt >= 5 || !isOtherSchemaChanged(error)) throw error;
    }
  }
}

/**
 * What another schema's DDL during the scan looks like: its schema, a table or a column gone
 * between the catalogue's listing and the read. Only before any migration of ours ran: a
 * failure inside one of them is real.
 */
const CONCURRENT_DDL_CODES = new Set(["3F000", "42P01", "42703"]);

function isOtherSchemaChanged(error: unknown): boolean {
  if (!(error instanceof MigrationFailed) || error.failedMigration !== undefined) return false;
  return CONCURRENT_DDL_CODES.has(String((error.cause as { code?: unknown } | undefined)?.code));
}

class MigrationFailed extends Error {
  constructor(
    readonly failedMigration: string | undefined,
    cause: unknown,
  ) {
    const where = failedMigration ? ` (migration ${failedMigration})` : "";
    super(`Database migration failed${where}`, { cause });
  }
}

async function migrateOnce(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: with another
  // schema's tables in the same database it would skip creating its own. It is told, and it
  // looks in that schema alone (own-schema-introspection.ts).
  const schema = dialect === "postgres" ? await currentSchema(db) : undefined;
  const migrator = new Migrator({
    db: schema ? withOwnSchemaIntrospection(db, schema) : db,
    provider: new StaticMigrationProvider(folioMigrations(dialect)),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) throw new MigrationFailed(failed?.migrationName, error);
}
