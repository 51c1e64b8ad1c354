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
  // Kysely's migrator looks for its tables by introspecting every schema of the database
  // (`has_schema_privilege` on each); another schema dropped during that scan fails it with
  // invalid_schema_name although nothing is wrong with ours. Such a scan is safe to repeat.
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db, dialect);
    } catch (error) {
      if (attempt >= 5 || !isOtherSchemaDropped(error)) throw error;
    }
  }
}

function isOtherSchemaDropped(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return (cause as { code?: unknown } | undefined)?.code === "3F000";
}

async function migrateOnce(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(folioMigrations(dialect)),
    // Kysely looks for its bookkeeping tables in every schema unless told which one: with
    // another schema's tables in the same database it would skip creating its own.
    ...(dialect === "postgres" ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : "";
    throw new Error(`Database migration failed${where}`, { cause: error });
  }
}
