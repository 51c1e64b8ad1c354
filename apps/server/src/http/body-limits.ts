// Request body limits under /trpc (API.md "Errors", ADR 010). One entry point, registerBodyLimits,
// that the tRPC host glue calls on its scope before the tRPC routes are registered:
//   - a body whose declared Content-Length is over its limit, or whose content type no procedure
//     takes, is refused in onRequest, before one byte of it is read;
//   - a chunked body is cut the moment it passes its limit (Fastify's own bodyLimit for JSON and
//     the catch-all parser; our reader below for multipart, which tRPC's adapter would otherwise
//     stream to tRPC with no limit at all);
//   - every answer given before the body was read to its end closes the connection
//     (`closesIfBodyUnread`), so nothing more of that body is read.
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const MiB = 1024 * 1024;

/** Every body is held to this unless the table below names its procedure. */
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/**
 * The procedures whose input is FormData (sent as multipart/form-data, never batched), with
 * their body limit. Every other procedure takes JSON only, so no other call parses multipart.
 */
const FORM_DATA_PROCEDURES: ReadonlyMap<string, number> = new Map([["user.setPicture", 6 * MiB]]);

const isSingleCall = (path: string, batch: boolean) => !batch && !path.includes(",");

/**
 * The body limit of a call to `path` (tRPC's path segment: comma-separated in a batch).
 * Batching never raises a limit: a batch, even of one call, gets the default.
 */
export function bodyLimitFor(path: string, batch: boolean): number {
  if (!isSingleCall(path, batch)) return DEFAULT_BODY_LIMIT;
  return FORM_DATA_PROCEDURES.get(path) ?? DEFAULT_BODY_LIMIT;
}

/** True when a call to `path` takes a FormData (multipart) body. */
export function takesFormData(path: string, batch: boolean): boolean {
  return isSingleCall(path, batch) && FORM_DATA_PROCEDURES.has(path);
}

/**
 * Media types some procedure can take: JSON (what @trpc/client sends for every JSON call) and
 * multipart/form-data (FormData input, `user.setPicture`). Everything else, a missing type
 * included (tRPC refuses a POST without one), is refused before its body is read.
 */
export const USABLE_CONTENT_TYPES: readonly string[] = ["application/json", "multipart/form-data"];

export function mediaTypeOf(header: string | undefined): string | null {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** A Fastify-style error the /trpc error handler turns into a tRPC error body. */
export class BodyRefusedError extends Error {
  readonly code = "FOLIO_BODY_REFUSED";
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (limit: number) =>
  new BodyRefusedError(413, `Request body is larger than ${limit / MiB} MiB.`);

const unsupported = () =>
  new BodyRefusedError(
    415,
    `Unsupported content type: use ${USABLE_CONTENT_TYPES.join(" or ")} (FormData).`,
  );

const jsonOnly = () =>
  new BodyRefusedError(
    415,
    "Unsupported content type: this procedure takes application/json; only user.setPicture takes multipart/form-data.",
  );

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers["content-length"];
  return (
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")
  );
}

function callOf(request: FastifyRequest): { path: string; batch: boolean } {
  const path = (request.params as { path?: unknown } | undefined)?.path;
  const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
  // The same test tRPC applies (searchParams.get("batch") === "1").
  return {
    path: typeof path === "string" ? path : "",
    batch: new URLSearchParams(query).get("batch") === "1",
  };
}

/** Reads a multipart body to its end, or stops (pausing the socket) once it passes `limit`. */
function readLimited(stream: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        finish(() => reject(tooLarge(limit)));
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(Buffer.concat(chunks, size)));
    const onError = (error: Error) =>
      finish(() => reject(Object.assign(error, { statusCode: 400 })));
    const onClose = () =>
      finish(() => reject(Object.assign(new Error("request aborted"), { statusCode: 400 })));
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
    stream.resume();
  });
}

/**
 * A fully read, bounded multipart body in the one shape tRPC's node adapter passes on to
 * `Request` as a stream (it JSON-encodes anything that is not a string or an IncomingMessage).
 */
class BufferedBody extends IncomingMessage {
  constructor(body: Buffer) {
    super(new Socket());
    this.push(body);
    this.push(null);
  }
  override _read(): void {}
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    callback(error);
  }
}

/** True while the request's body has not been read to its end (the answer must close). */
function bodyUnread(request: FastifyRequest): boolean {
  return hasBody(request) && !request.raw.complete;
}

/** How long a refused upload's socket may still drop incoming bytes before it is closed. */
const LINGER_MS = 2000;
/**
 * How many bytes it may drop in that time. Enough for what a client had in flight when the
 * answer left (loopback socket buffers hold a few MiB), so a client that reads its answer sees
 * the 413; a client that goes on sending without reading gets a reset instead of a 2-second
 * sink for whatever it can push.
 */
const LINGER_MAX_BYTES = 16 * MiB;
const LINGER_CHECK_MS = 25;

/**
 * Closes the connection once the answer is out, without reading the rest of the body into
 * memory. Node's close for `Connection: close` destroys the socket the moment the answer is
 * handed to the kernel; with the client's unread upload still arriving that is a TCP reset, and
 * a reset can wipe the 413 before the client reads it. So, like Apache's and nginx's "lingering
 * close": FIN after the answer, drop whatever still arrives for at most LINGER_MS and
 * LINGER_MAX_BYTES, then close.
 */
function closeAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("connection", "close");
  const socket = request.raw.socket;
  socket.destroySoon = () => {
    socket.end();
    const lingerStartedAt = Date.now();
    const bytesAtAnswer = socket.bytesRead;
    // Node's parser reads the socket directly (no 'data' events): count with bytesRead.
    const timer = setInterval(() => {
      const dropped = socket.bytesRead - bytesAtAnswer;
      if (dropped > LINGER_MAX_BYTES || Date.now() - lingerStartedAt >= LINGER_MS) {
        socket.destroy();
      }
    }, LINGER_CHECK_MS);
    timer.unref();
    socket.once("close", () => clearInterval(timer));
  };
}

/** Registers the limits on the /trpc scope. Call before registering tRPC's routes. */
export function registerBodyLimits(
  scope: FastifyInstance,
  limitFor: (path: string, batch: boolean) => number = bodyLimitFor,
): void {
  const limits = new WeakMap<FastifyRequest, number>();

  scope.addHook("onRequest", async (request) => {
    if (!hasBody(request)) return;
    const { path, batch } = callOf(request);
    const limit = limitFor(path, batch);
    limits.set(request, limit);
    const declared = Number(request.headers["content-length"]);
    if (declared > limit) throw tooLarge(limit);
    const type = mediaTypeOf(request.headers["content-type"]);
    if (type === null || !USABLE_CONTENT_TYPES.includes(type)) {
      // A declared length is known now; a chunked body of an unusable type goes to the catch-all
      // parser below, which refuses it too once it has counted (and dropped) at most the limit,
      // so that an oversized body of any type is a 413.
      if (!Number.isNaN(declared)) throw unsupported();
    }
    // Multipart to a JSON procedure: refused now when its length is declared; chunked, it is
    // read under the limit below (413 past it) and then refused the same way.
    if (type === "multipart/form-data" && !takesFormData(path, batch) && !Number.isNaN(declared)) {
      throw jsonOnly();
    }
  });

  // Unusable types (chunked): Fastify reads them under its bodyLimit (413 past it), then refuses.
  scope.removeContentTypeParser("text/plain");
  scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) =>
    done(unsupported(), undefined),
  );

  // Any answer given before the body was read to its end (a refusal above, an error) closes.
  scope.addHook("onSend", async (request, reply) => {
    if (bodyUnread(request)) closeAfterAnswer(request, reply);
  });

  // tRPC's adapter hands a multipart body to tRPC as the raw, unlimited stream: read it here,
  // under the call's limit, before the handler runs.
  scope.addHook("preValidation", async (request) => {
    if (!(request.body instanceof IncomingMessage) || request.body instanceof BufferedBody) return;
    const limit = limits.get(request) ?? DEFAULT_BODY_LIMIT;
    const body = await readLimited(request.body, limit);
    const { path, batch } = callOf(request);
    if (!takesFormData(path, batch)) throw jsonOnly();
    request.body = new BufferedBody(body);
  });
}
