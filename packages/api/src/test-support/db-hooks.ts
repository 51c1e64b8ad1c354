// Deterministic races: a Kysely whose inserts into one table first run a hook (e.g. delete the
// author), reproducing an interleaving that real concurrency only hits now and then.
import type { Database } from "@folio/db";
import type { Kysely } from "kysely";

const EXECUTE = new Set(["execute", "executeTakeFirst", "executeTakeFirstOrThrow"]);

function wrapBuilder<T extends object>(builder: T, before: () => Promise<void>): T {
  return new Proxy(builder, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      if (EXECUTE.has(String(key))) {
        return async (...args: unknown[]) => {
          await before();
          return value.apply(target, args);
        };
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return typeof result === "object" && result !== null ? wrapBuilder(result, before) : result;
      };
    },
  });
}

export function beforeInsertInto(
  db: Kysely<Database>,
  table: keyof Database,
  hook: () => Promise<void>,
): Kysely<Database> {
  return new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "insertInto") return typeof value === "function" ? value.bind(target) : value;
      return (into: keyof Database) => {
        const builder = target.insertInto(into);
        return into === table ? wrapBuilder(builder, hook) : builder;
      };
    },
  });
}
