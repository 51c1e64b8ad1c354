// Kysely's migrator asks the database's introspector whether its bookkeeping tables exist. On
// Postgres that introspector reads every schema of the database (and checks privileges on
// each), so another process creating, altering or dropping its own schema at that moment fails
// our migration with an error about theirs. Folio's tables live in one schema: ask about that
// one only, straight from the catalogue.
import { type DatabaseIntrospector, type Kysely, sql, type TableMetadata } from "kysely";

export function withOwnSchemaIntrospection<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind
        from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      // The migrator reads names and schemas only; columns are not asked for.
      return rows.map((row) => ({
        name: row.name,
        schema,
        isView: row.kind === "v" || row.kind === "m",
        isForeign: false,
        columns: [],
      }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
