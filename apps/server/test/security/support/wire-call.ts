// One tRPC call with its input as raw JSON text: in `?input=` for a query, as the body for a
// mutation. The answer is checked for leaks on every call, whatever the test asserts next.
import { appRouter } from "@folio/api";
import { expect } from "vitest";
import { send, type WireResponse } from "../../support/trpc-http.js";
import { findLeak } from "./leaks.js";

type ProcedureDefs = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const procedures = appRouter._def.procedures as unknown as ProcedureDefs;

export function procedureKind(path: string): "query" | "mutation" {
  const type = procedures[path]?._def.type;
  if (type !== "query" && type !== "mutation") throw new Error(`${path}: not a query or mutation`);
  return type;
}

/** Every procedure the router serves. */
export const routerPaths = (): string[] => Object.keys(procedures).sort();

export async function callRaw(
  base: string,
  path: string,
  inputText: string | undefined,
  token?: string,
): Promise<WireResponse> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res =
    procedureKind(path) === "query"
      ? await send(
          `${base}/trpc/${path}${inputText === undefined ? "" : `?input=${encodeURIComponent(inputText)}`}`,
          { headers },
        )
      : await send(`${base}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: inputText,
        });
  expectCleanAnswer(res);
  return res;
}

/** A multipart call: each entry a part, bytes as a file part (names may repeat). */
export async function callForm(
  base: string,
  path: string,
  entries: [string, unknown][],
  token?: string,
): Promise<WireResponse> {
  const form = new FormData();
  for (const [name, value] of entries) {
    if (value instanceof Uint8Array) form.append(name, new File([new Uint8Array(value)], "f.png"));
    else form.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  const res = await send(`${base}/trpc/${path}`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  expectCleanAnswer(res);
  return res;
}

/** Never a 500, never a stack, SQL or path in the body. */
export function expectCleanAnswer(res: WireResponse): void {
  expect(res.status, res.text.slice(0, 500)).toBeLessThan(500);
  expect(findLeak(res.text), res.text.slice(0, 500)).toBeNull();
}

/** A 400 whose zodError names `field` (or, with no field, carries a form error). */
export function expectRefusedNaming(res: WireResponse, field?: string): void {
  expect(res.status, res.text.slice(0, 500)).toBe(400);
  const zodError = res.body?.error?.data?.zodError;
  expect(zodError, res.text.slice(0, 500)).toBeTruthy();
  if (field === undefined) {
    const named = Object.keys(zodError.fieldErrors).length + zodError.formErrors.length;
    expect(named, res.text.slice(0, 500)).toBeGreaterThan(0);
  } else {
    expect(Object.hasOwn(zodError.fieldErrors, field), res.text.slice(0, 500)).toBe(true);
  }
}
