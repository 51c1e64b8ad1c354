// The built SPA: files from WEB_DIST_DIR, and index.html for every other GET path (client
// routes). Missing assets and unknown API paths stay plain 404s, never HTML.
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pathOf } from "../services/logger.js";
import { trpcErrorBody } from "../trpc/errors.js";
import { TRPC_PREFIX } from "../trpc/plugin.js";

const ASSETS_PREFIX = "/assets/";
/** A last path segment with a file extension (`favicon-old.png`, `a.b.css`): a file, not a route. */
const FILE_NAME = /\.[A-Za-z0-9]+$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

const SPA_NOT_BUILT =
  "Folio's web app is not built yet, so there is nothing to show here.\n" +
  "Build it with `pnpm build` (output: apps/web/dist) and restart the server.\n" +
  "The API is up under /trpc.\n";

export async function registerSpa(app: FastifyInstance, webDistDir: string): Promise<void> {
  const built = existsSync(join(webDistDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      // Headers are chosen per file below; `send`'s default max-age=0 would fight them.
      cacheControl: false,
      // No directory redirects: `/assets` is not a page, and a client route never names a folder.
      redirect: false,
      setHeaders(reply, filePath) {
        const inAssets = relative(webDistDir, filePath).startsWith(`assets${sep}`);
        // Vite puts a content hash in every asset name; everything else (index.html above
        // all) must be revalidated so a new deploy is picked up at once.
        reply.header("cache-control", inAssets ? IMMUTABLE : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => notFound(request, reply, built));
}

/**
 * A missing file is a plain 404, never the SPA: anything under /assets/, and any path whose last
 * segment ends in `.<letters or digits>`. Client routes name ids (`/users/3`), never a dotted
 * last segment, so a username with a dot never appears there.
 */
export function isFilePath(path: string): boolean {
  if (path === "/assets" || path.startsWith(ASSETS_PREFIX)) return true;
  const last = path.slice(path.lastIndexOf("/") + 1);
  return FILE_NAME.test(last);
}

function notFound(request: FastifyRequest, reply: FastifyReply, built: boolean) {
  const path = pathOf(request.url);
  if (path === TRPC_PREFIX || path.startsWith(`${TRPC_PREFIX}/`)) {
    const body = trpcErrorBody("NOT_FOUND", 404, `No procedure found on path "${path}"`);
    return reply.status(404).header("cache-control", "no-store").send(body);
  }
  const isPageRequest = request.method === "GET" || request.method === "HEAD";
  if (!isPageRequest || isFilePath(path)) {
    return reply.status(404).type("text/plain; charset=utf-8").send("Not found\n");
  }
  if (!built) {
    return reply.status(503).type("text/plain; charset=utf-8").send(SPA_NOT_BUILT);
  }
  // A client route: the SPA's router decides what to show (including its own "not found").
  return reply.status(200).sendFile("index.html");
}
