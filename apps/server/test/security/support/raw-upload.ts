// One HTTP/1.1 request over a bare socket, for body-limit tests: the body is streamed (with a
// Content-Length or chunked) only as long as the server keeps reading and has not answered, and
// the result says how much was sent, what came back and whether the server closed the socket.
import { connect, type Socket } from "node:net";

export interface RawUpload {
  url: string;
  /** e.g. "/trpc/auth.login" */
  path: string;
  headers: Record<string, string>;
  /** The body in pieces (a generator holds no memory); nothing = headers only. */
  body?: Iterable<Buffer> | AsyncIterable<Buffer>;
  /** Send the body chunked (Transfer-Encoding) rather than under `headers`' Content-Length. */
  chunked?: boolean;
  /** Stop writing after the headers (the body is never sent). */
  headersOnly?: boolean;
  /** Never finish the head: after the first headers, one byte of a header value every `everyMs`. */
  trickle?: { everyMs: number };
  /** How long to wait for the server to close after its answer (a bound, not an assertion). */
  closeWaitMs?: number;
}

export interface RawResult {
  status: number | null;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
  body: any;
  /** Body bytes written to the socket before the answer or the close. */
  bytesSent: number;
  /** The server closed the connection (end or reset) after or instead of answering. */
  closed: boolean;
}

function parse(raw: string) {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine = "", ...lines] = raw.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let text = raw.slice(end + 4);
  if (headers["transfer-encoding"] === "chunked") {
    if (!text.endsWith("0\r\n\r\n")) return null;
    let decoded = "";
    for (let at = 0; ; ) {
      const lineEnd = text.indexOf("\r\n", at);
      const size = Number.parseInt(text.slice(at, lineEnd), 16);
      if (!size) break;
      decoded += text.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    text = decoded;
  }
  const length = Number(headers["content-length"] ?? Number.NaN);
  if (!Number.isNaN(length) && text.length < length) return null;
  text = Buffer.from(text, "latin1").toString("utf8");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

export async function rawUpload(options: RawUpload): Promise<RawResult> {
  const { hostname, port } = new URL(options.url);
  const socket: Socket = connect(Number(port), hostname);
  socket.on("error", () => {}); // EPIPE / ECONNRESET once the server has closed: expected
  let received = "";
  let answered = false;
  let closed = false;
  let bytesSent = 0;
  let wake: () => void = () => {};
  const changed = () => wake();
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString("latin1");
    if (parse(received)) answered = true;
    changed();
  });
  socket.on("close", () => {
    closed = true;
    changed();
  });
  socket.on("drain", changed);
  const waitForChange = (ms?: number) =>
    new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });

  const headers: Record<string, string> = { host: `${hostname}:${port}`, ...options.headers };
  if (options.chunked) headers["transfer-encoding"] = "chunked";
  const head = `POST ${options.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
  const write = async (data: Buffer | string) => {
    if (answered || closed) return false;
    if (!socket.write(data)) {
      while (socket.writableNeedDrain && !answered && !closed) await waitForChange();
    }
    // Let the event loop read what the server sent, as any real client does while it uploads.
    // Without this, writes the kernel takes at once (a server draining fast, as a lingering
    // close does) chain through promise and nextTick callbacks only: the loop never polls the
    // socket, the 413 sits unread, and the whole body goes out (the 50 MB failure of issue 19).
    await new Promise((resolve) => setImmediate(resolve));
    return !answered && !closed;
  };

  if (options.trickle) {
    await write(`${head.slice(0, -2)}x-slow: `);
    while (!answered && !closed) {
      await waitForChange(options.trickle.everyMs);
      await write("x");
    }
  } else {
    await write(head);
    if (!options.headersOnly && options.body) {
      for await (const piece of options.body) {
        if (piece.length === 0) continue; // an empty chunk would end a chunked body
        const framed = options.chunked
          ? Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from("\r\n"),
            ])
          : piece;
        if (!(await write(framed))) break;
        bytesSent += piece.length;
      }
      if (options.chunked) await write("0\r\n\r\n");
    }
  }

  while (!answered && !closed) await waitForChange();
  // A server that keeps the connection open is given a bounded wait to close it.
  const deadline = Date.now() + (options.closeWaitMs ?? 3000);
  while (!closed && Date.now() < deadline) await waitForChange(deadline - Date.now());
  socket.destroy();
  const answer = parse(received);
  return {
    status: answer?.status ?? null,
    headers: answer?.headers ?? {},
    body: answer?.body ?? null,
    bytesSent,
    closed,
  };
}

/** `total` bytes in `pieceSize` pieces, made one at a time (the test holds one piece). */
export function* bytes(total: number, pieceSize = 64 * 1024, fill = "a"): Generator<Buffer> {
  const piece = Buffer.alloc(pieceSize, fill);
  for (let sent = 0; sent < total; sent += pieceSize) {
    yield total - sent >= pieceSize ? piece : piece.subarray(0, total - sent);
  }
}
