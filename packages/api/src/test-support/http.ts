// Calls the router the way a client does, through tRPC's fetch adapter and the package's own
// `createContext`, so tests see the wire shape: status, `error.data.zodError`, `retryAfterSeconds`.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type AppDeps, createContext } from "../context.js";
import { appRouter } from "../root.js";
import { asWireInput } from "./form-input.js";
import { procedureType } from "./procedures.js";

export interface HttpOptions {
  /** A Bearer token; ignored when `authorization` is given. */
  token?: string;
  /** The raw Authorization header. */
  authorization?: string;
  ip?: string;
  /** The User-Agent header. */
  userAgent?: string;
}

export interface WireError {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path: string;
    zodError: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
    retryAfterSeconds?: number;
    stack?: string;
  };
}

export interface HttpCall {
  status: number;
  /** Set when the call succeeded. */
  data?: unknown;
  /** Set when the call failed. */
  error?: WireError;
}

export async function sendOverHttp(
  deps: AppDeps,
  path: string,
  input: unknown,
  options: HttpOptions = {},
): Promise<HttpCall> {
  const isQuery = procedureType(path) === "query";
  const url = new URL(`http://folio.test/trpc/${path}`);
  if (isQuery && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const wireInput = asWireInput(input);
  // A FormData body sets its own multipart content type, boundary included.
  const isForm = wireInput instanceof FormData;
  const headers = new Headers(isForm ? {} : { "content-type": "application/json" });
  const authorization = options.authorization ?? (options.token && `Bearer ${options.token}`);
  if (authorization) headers.set("authorization", authorization);
  if (options.userAgent) headers.set("user-agent", options.userAgent);
  let body: string | FormData | undefined;
  if (isForm) body = wireInput;
  else if (!isQuery && input !== undefined) body = JSON.stringify(input);
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    req: new Request(url, { method: isQuery ? "GET" : "POST", headers, body }),
    router: appRouter,
    createContext: ({ req }) =>
      createContext(deps)({
        req: {
          headers: {
            authorization: req.headers.get("authorization") ?? undefined,
            "user-agent": req.headers.get("user-agent") ?? undefined,
          },
          ip: options.ip ?? "198.51.100.20",
        },
      }),
  });
  const json = (await response.json()) as { result?: { data: unknown }; error?: WireError };
  return { status: response.status, data: json.result?.data, error: json.error };
}
