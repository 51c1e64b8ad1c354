// Picture uploads: the server CPU one upload costs (decode, crop, resize, WebP encode, store),
// and the feed's p99 while uploads run flat out, like the login storm (phases.ts). Decoding is
// capped at `cores − 1` at a time (packages/api/src/pictures/decode-slots.ts); this shows what
// that leaves the event loop.
import sharp from "sharp";
import { type LoadSettings, runConcurrently, runLoad, type Workload } from "./load.js";
import { ratio } from "./report.js";
import type { RunningServer } from "./server-process.js";

const BOUNDARY = "----folio-bench-upload";

/** A 2400x1600 photo-like JPEG (gradient + grain, ~1 MB): what a phone sends, scaled down. */
async function photoLikeJpeg(): Promise<Buffer> {
  const width = 2400;
  const height = 1600;
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 18 },
    },
  })
    .png()
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6"/>` +
      `<stop offset="1" stop-color="#e83"/></linearGradient></defs>` +
      `<rect width="${width}" height="${height}" fill="url(#g)"/></svg>`,
  );
  return sharp(gradient)
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** `user.setPicture` as a multipart body built once; every request replaces the picture. */
function uploadWorkload(token: string, userId: number, jpeg: Buffer): Workload {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${userId}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="image"; filename="photo.jpg"\r\n` +
        "Content-Type: image/jpeg\r\n\r\n",
    ),
    jpeg,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return {
    path: "/trpc/user.setPicture",
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body,
  };
}

async function userIdOf(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/trpc/user.me`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { result: { data: { id: number } } };
  return body.result.data.id;
}

export async function uploadPhase(
  folio: RunningServer,
  list: Workload,
  settings: LoadSettings,
  token: string,
  uploadConnections: number,
) {
  const jpeg = await photoLikeJpeg();
  const upload = uploadWorkload(token, await userIdOf(folio.url, token), jpeg);
  // One upload at a time: its CPU per request is the cost of one upload.
  const single = await runLoad(folio.url, { ...upload, connections: 1 }, settings, folio);
  await folio.eventLoopDelay(); // starts a new measuring window
  const alone = await runLoad(folio.url, list, settings);
  const delayAlone = await folio.eventLoopDelay();
  const storm = await runConcurrently(
    folio.url,
    list,
    { ...upload, connections: uploadConnections },
    settings,
  );
  const delay = await folio.eventLoopDelay();
  console.log(
    `  one upload (${Math.round(jpeg.length / 1024)} KB JPEG, 2400x1600): ${single.cpuMsPerRequest} ms server CPU, ${single.rps} uploads/s alone (${single.errors} errors)`,
  );
  console.log(
    `  list alone p99 ${alone.p99Ms} ms; with uploads p99 ${storm.measured.p99Ms} ms, ${storm.background.rps} uploads/s (${storm.background.errors} errors), loop delay p99 ${delay.p99Ms} ms (${delayAlone.p99Ms} ms without)`,
  );
  return {
    uploadBytes: jpeg.length,
    cpuMsPerUpload: single.cpuMsPerRequest ?? null,
    uploadsPerSecondAlone: single.rps,
    uploadErrors: single.errors + storm.background.errors,
    p99AloneMs: alone.p99Ms,
    p99UnderUploadsMs: storm.measured.p99Ms,
    p99Ratio: ratio(storm.measured.p99Ms, Math.max(alone.p99Ms, 1)),
    delayP99Ms: delay.p99Ms,
    delayP99AloneMs: delayAlone.p99Ms,
    uploadsPerSecond: storm.background.rps,
    rpsAlone: alone.rps,
    rpsUnderUploads: storm.measured.rps,
  };
}
