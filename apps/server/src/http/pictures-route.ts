// GET (and HEAD) /pictures/<id>.webp: the bytes of a current profile picture (API.md
// "Pictures"). A URL names one upload forever, so it is cached as immutable; once the picture
// is replaced, removed or its user deleted, the store has nothing under that id: a plain 404.
import { PICTURES_PATH, type PictureStore, pictureIdFromFileName } from "@folio/api";
import type { FastifyInstance, FastifyReply } from "fastify";

const IMMUTABLE = "public, max-age=31536000, immutable";
// The bytes are never a document: nothing runs, nothing loads, even if opened directly.
export const PICTURE_CSP = "default-src 'none'; sandbox";

function notFound(reply: FastifyReply) {
  return reply
    .status(404)
    .header("cache-control", "no-store")
    .type("text/plain; charset=utf-8")
    .send("Not found\n");
}

export function registerPictures(app: FastifyInstance, store: PictureStore): void {
  // Every path under /pictures/ is answered here, so the SPA fallback never turns a missing
  // picture into index.html. Fastify answers HEAD from this GET route.
  app.get<{ Params: { "*": string } }>(`${PICTURES_PATH}*`, async (request, reply) => {
    const id = pictureIdFromFileName(request.params["*"]);
    const bytes = id ? await store.read(id) : undefined;
    if (!bytes) return notFound(reply);
    return reply
      .status(200)
      .header("content-type", "image/webp")
      .header("cache-control", IMMUTABLE)
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", PICTURE_CSP)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
