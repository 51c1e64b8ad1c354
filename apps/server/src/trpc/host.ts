// Folio's tRPC host glue (ADR 014): tRPC's own `resolveResponse` keeps the whole protocol
// (parsing, batching, status codes, error shapes, responseMeta, onError); this file only hands
// it a light request built from Fastify's and sends its answer as one string with a
// Content-Length. tRPC's stock adapter instead builds a WHATWG Request (URL, Headers copy, an
// AbortController aborted after every response) and pipes a web stream out chunked; that glue
// was the largest single cost of a request (bench/README.md). The differential test holds the
// two to the same answers.
import type { IncomingHttpHeaders } from "node:http";
import { Readable } from "node:stream";
import type { AnyTRPCRouter } from "@trpc/server";
import type { FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { resolveResponse } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";

export type HostOptions<TRouter extends AnyTRPCRouter> =
  FastifyTRPCPluginOptions<TRouter>["trpcOptions"];

/** The part of `Headers` resolveResponse reads (`get`, `has`), over Node's header object. */
class RequestHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

/** The body Fastify has already read (and held to its limit), as the text tRPC parses. */
function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  return JSON.stringify(body);
}

/**
 * The body as bytes. A multipart body arrives as a stream that body-limits.ts has already read,
 * under its limit, into memory: collecting it here copies what is there and reads nothing more.
 */
async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  return Buffer.isBuffer(body) ? body : Buffer.from(bodyText(body));
}

/**
 * What resolveResponse reads from its `req`: method, url, headers.get/has, signal, and (by
 * content type) json(), formData() or body. Nothing is copied up front; the signal is made on
 * first use and aborted only if the client goes away before the answer is written.
 */
function lightRequest(request: FastifyRequest, reply: FastifyReply) {
  const raw = request.raw;
  let controller: AbortController | undefined;
  return {
    method: raw.method ?? "GET",
    // tRPC reads only the path and query from it; the Host header is never trusted for anything.
    url: `http://localhost${raw.url ?? "/"}`,
    headers: new RequestHeaders(raw.headers),
    get signal(): AbortSignal {
      if (!controller) {
        const made = new AbortController();
        reply.raw.once("close", () => {
          if (!reply.raw.writableFinished) made.abort();
        });
        controller = made;
      }
      return controller.signal;
    },
    json: async (): Promise<unknown> => JSON.parse(bodyText(request.body)),
    text: async (): Promise<string> => bodyText(request.body),
    formData: async (): Promise<FormData> =>
      new Response(await bodyBytes(request.body), {
        headers: { "content-type": raw.headers["content-type"] ?? "" },
      }).formData(),
    get body(): ReadableStream | null {
      const body = request.body;
      if (body instanceof Readable) return Readable.toWeb(body) as ReadableStream;
      return new Response(Buffer.isBuffer(body) ? body : bodyText(body)).body;
    },
  };
}

/**
 * The answer as one string. tRPC's non-streaming answers are a single chunk (its JSON text); the
 * reader loop costs half of `Response.text()`. A string, not a buffer, lets Node put the headers
 * and the body in one write (a buffer goes out through writev).
 */
async function readAll(body: ReadableStream<Uint8Array> | null): Promise<string | undefined> {
  if (!body) return undefined;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const [only] = chunks;
  const bytes =
    chunks.length === 1 && only
      ? Buffer.from(only.buffer, only.byteOffset, only.length)
      : Buffer.concat(chunks);
  return bytes.toString("utf8");
}

/**
 * tRPC's text is the answer as it is: with a serializer of its own, Fastify sends a string
 * untouched (without one it would append "; charset=utf-8" to tRPC's content type).
 */
const asIs = (payload: unknown): string => payload as string;

/** Answers one request under the tRPC prefix; `path` is the route's `:path` parameter. */
export async function handleTrpcRequest<TRouter extends AnyTRPCRouter>(
  options: HostOptions<TRouter>,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<FastifyReply> {
  const response = await resolveResponse<TRouter>({
    ...options,
    req: lightRequest(request, reply) as unknown as Request,
    path,
    error: null,
    createContext: async (inner) => options.createContext?.({ req: request, res: reply, ...inner }),
    onError: (error) => options.onError?.({ ...error, req: request }),
  });
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  return reply.serializer(asIs).send(await readAll(response.body));
}
