// The ceiling: what the benchmarked procedures cost with no framework at all. A bare node:http
// server on the same database file, answering in tRPC's JSON envelope, verifying the same JWTs.
// Run as its own process: CEILING_DB=<path> JWT_SECRET=<secret> PORT=<port> node ceiling-server.js
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { jwtVerify } from "jose";
import { type CeilingDb, openCeilingDb, type UserRow } from "./ceiling-db.js";

const MAX_BODY = 1024 * 1024;
const HTTP_STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, NOT_FOUND: 404 } as const;
type ErrorCode = keyof typeof HTTP_STATUS;

class ApiError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new ApiError("BAD_REQUEST"));
      else chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined);
      } catch {
        reject(new ApiError("BAD_REQUEST"));
      }
    });
    req.on("error", reject);
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function intIn(value: unknown, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new ApiError("BAD_REQUEST");
  }
  return value as number;
}

function text(value: unknown, max: number): string {
  const trimmed = typeof value === "string" ? value.trim() : "";
  if (trimmed.length < 1 || trimmed.length > max) throw new ApiError("BAD_REQUEST");
  return trimmed;
}

function createHandler(db: CeilingDb, secret: Uint8Array) {
  // The same checks as Folio's protectedProcedure: pinned algorithm, issuer, audience,
  // required claims, then the user and the live session loaded in one query.
  async function currentUser(req: IncomingMessage): Promise<UserRow> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(req.headers.authorization ?? "");
    if (!match?.[1]) throw new ApiError("UNAUTHORIZED");
    const { payload } = await jwtVerify(match[1], secret, {
      algorithms: ["HS256"],
      issuer: "folio",
      audience: "folio",
      requiredClaims: ["sub", "exp", "iat", "sid"],
    }).catch(() => {
      throw new ApiError("UNAUTHORIZED");
    });
    if (typeof payload.sid !== "string") throw new ApiError("UNAUTHORIZED");
    const user = db.userBySession(payload.sid, Number(payload.sub));
    if (!user) throw new ApiError("UNAUTHORIZED");
    return user;
  }

  /** A keyset position from a cursor this server signed; null when none is given. */
  function cursorOf(cursor: unknown): [string, number] | null {
    if (cursor === undefined || cursor === null) return null;
    if (typeof cursor !== "string" || cursor.length > 200) throw new ApiError("BAD_REQUEST");
    if (cursor === "") return null;
    const after = db.decodeCursor(cursor);
    if (!after) throw new ApiError("BAD_REQUEST");
    return after;
  }

  async function moderate(req: IncomingMessage, input: unknown, move: "publish" | "unpublish") {
    const user = await currentUser(req);
    if (!isRecord(input)) throw new ApiError("BAD_REQUEST");
    const id = intIn(input.id, 1, Number.MAX_SAFE_INTEGER);
    // As Folio's context keeps it (sessions/user-agent.ts): trimmed, at most 256 characters.
    const userAgent = req.headers["user-agent"]?.trim().slice(0, 256) || null;
    const origin = { ip: req.socket.remoteAddress ?? null, userAgent };
    const post = db.moderation(user, id, move, origin);
    if (!post) throw new ApiError("NOT_FOUND");
    return post;
  }

  const procedures: Record<string, (req: IncomingMessage, input: unknown) => Promise<unknown>> = {
    "post.list": async (_req, input) => {
      const options = isRecord(input) ? input : {};
      const limit = options.limit === undefined ? 10 : intIn(options.limit, 1, 50);
      return db.page(limit, cursorOf(options.cursor));
    },
    "post.byId": async (_req, input) => {
      const id = intIn(isRecord(input) ? input.id : undefined, 1, Number.MAX_SAFE_INTEGER);
      const post = db.postById(id);
      if (!post) throw new ApiError("NOT_FOUND");
      return post;
    },
    "post.search": async (_req, input) => {
      if (!isRecord(input)) throw new ApiError("BAD_REQUEST");
      const limit = input.limit === undefined ? 10 : intIn(input.limit, 1, 50);
      const page = db.search(text(input.q, 200), limit);
      if (!page) throw new ApiError("BAD_REQUEST");
      return page;
    },
    "comment.list": async (_req, input) => {
      if (!isRecord(input)) throw new ApiError("BAD_REQUEST");
      const postId = intIn(input.postId, 1, Number.MAX_SAFE_INTEGER);
      const limit = input.limit === undefined ? 50 : intIn(input.limit, 1, 100);
      const after = cursorOf(input.cursor);
      const page = db.comments(postId, limit, after);
      if (!page) throw new ApiError("NOT_FOUND");
      return page;
    },
    "post.publish": (req, input) => moderate(req, input, "publish"),
    "post.unpublish": (req, input) => moderate(req, input, "unpublish"),
    "post.create": async (req, input) => {
      const user = await currentUser(req);
      if (!isRecord(input)) throw new ApiError("BAD_REQUEST");
      return db.createPost(user.id, text(input.title, 100), text(input.content, 20_000));
    },
    "user.me": async (req) => {
      const user = await currentUser(req);
      const { id, username, image_url, created_at, email, email_verified, role } = user;
      return {
        id,
        username,
        imageUrl: image_url,
        createdAt: created_at,
        email,
        emailVerified: email_verified === 1,
        role,
      };
    },
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path === "/healthz") return send(res, 200, { status: "ok" });
    const procedure = path.startsWith("/trpc/") ? procedures[path.slice(6)] : undefined;
    if (!procedure) return send(res, 404, { error: { message: "Not found" } });
    try {
      let input: unknown;
      if (req.method === "POST") input = await readBody(req);
      else if (queryAt !== -1) {
        const raw = new URLSearchParams(url.slice(queryAt + 1)).get("input");
        input = raw === null ? undefined : JSON.parse(raw);
      }
      send(res, 200, { result: { data: await procedure(req, input) } });
    } catch (error) {
      const code: ErrorCode = error instanceof ApiError ? error.code : "BAD_REQUEST";
      const httpStatus = HTTP_STATUS[code];
      send(res, httpStatus, { error: { message: code, code: -32600, data: { code, httpStatus } } });
    }
  };
}

const secret = new TextEncoder().encode(process.env.JWT_SECRET ?? "");
const db = openCeilingDb(process.env.CEILING_DB ?? "", secret);
const server = createServer(createHandler(db, secret));
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  db.close();
});
