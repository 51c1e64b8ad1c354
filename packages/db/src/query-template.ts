// A hot query shape built and compiled once per database, then run with new values through
// `db.executeQuery` (Kysely's documented split of building from running). Building and
// compiling a post query cost more CPU than running it on SQLite (bench/README.md, "Levers").
//
// The template is compiled from the very builder a fresh query uses, with a unique sentinel in
// every slot; running it puts each value where its sentinel was, so the SQL and the parameter
// order are the builder's own. query-template.test.ts proves both equal a fresh compile.
import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from "kysely";
import type { Database } from "./schema.js";

type Values = Record<string, unknown>;

export interface QueryTemplate<V extends Values, R> {
  /** The compiled query for `values`: the template's SQL, the values in the builder's order. */
  compile(db: Kysely<Database>, values: V): CompiledQuery<R>;
  execute(db: Kysely<Database>, values: V): Promise<R[]>;
}

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** Per parameter: the name of the value that goes there, or null for a constant. */
  slots: (string | null)[];
}

/**
 * `build(db, values)` must be the query's only definition; `sentinels` holds one value per
 * name that no real call passes (negative ids, a marker string) so each slot can be found
 * (query-template.test.ts proves every template equals a fresh compile of its builder).
 */
export function queryTemplate<V extends Values, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
  sentinels: V,
): QueryTemplate<V, R> {
  const byDb = new WeakMap<Kysely<Database>, Compiled<R>>();
  const names = Object.keys(sentinels);

  function compiledFor(db: Kysely<Database>): Compiled<R> {
    let compiled = byDb.get(db);
    if (!compiled) {
      const query = build(db, sentinels).compile();
      const slots = query.parameters.map(
        (parameter) => names.find((name) => Object.is(sentinels[name], parameter)) ?? null,
      );
      // A value may fill several slots (the time of the read is in the visibility scope and in
      // the comment count); one that fills none would be silently ignored.
      for (const name of names) {
        if (!slots.includes(name)) {
          throw new Error(`query template: value "${name}" must fill a parameter`);
        }
      }
      compiled = { query, slots };
      byDb.set(db, compiled);
    }
    return compiled;
  }

  const template: QueryTemplate<V, R> = {
    compile(db, values) {
      const { query, slots } = compiledFor(db);
      const parameters = slots.map((slot, i) =>
        slot === null ? query.parameters[i] : values[slot],
      );
      return { ...query, queryId: createQueryId(), parameters };
    },
    async execute(db, values) {
      return (await db.executeQuery(template.compile(db, values))).rows;
    },
  };
  return template;
}
