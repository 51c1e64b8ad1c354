// The router's procedures as data, so tests can be generated for every path of the access table.
import { appRouter, type createCaller } from "../root.js";
import { asWireInput } from "./form-input.js";

/** A server-side caller (what createTestApp hands out). */
export type Caller = ReturnType<typeof createCaller>;

type ProcedureDefs = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;

const procedures = appRouter._def.procedures as unknown as ProcedureDefs;

/** Every procedure path the router really serves, e.g. "post.create". */
export function routerPaths(): string[] {
  return Object.keys(procedures).sort();
}

export function procedureType(path: string): "query" | "mutation" | "subscription" {
  const procedure = procedures[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def.type;
}

type CallerTree = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/** `callPath(caller, "post.create", input)` is `caller.post.create(input)` (files as FormData). */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [namespace = "", name = ""] = path.split(".");
  const procedure = (caller as unknown as CallerTree)[namespace]?.[name];
  if (!procedure) throw new Error(`No procedure ${path} on the caller`);
  return procedure(asWireInput(input));
}
