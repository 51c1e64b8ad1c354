// The one way a picture enters Folio: recognised from its bytes, its size checked from the
// header before any pixel is decoded, then oriented, centre-cropped, 256x256, WebP, and
// stripped of every piece of metadata (sharp writes none unless asked with keep/withMetadata).
import type { Metadata, default as Sharp } from "sharp";
import { inDecodeSlot } from "./decode-slots.js";

let loading: Promise<typeof Sharp> | undefined;

/**
 * sharp, loaded on the first picture: libvips costs ~29 MB of resident memory from the moment
 * it is loaded, which a server that is never sent a picture should not pay (bench/README.md).
 */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import("sharp").then(({ default: sharp }) => {
    // One libvips thread per picture: parallelism comes from the decode slots, which are bounded.
    sharp.concurrency(1);
    // libvips' operation cache would keep decoded uploads of strangers in memory for nothing.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

export const MAX_PICTURE_PIXELS = 100_000_000;
export const PICTURE_SIZE = 256;

/** sharp's format names; "heif" only with AV1 compression (AVIF), see `isAccepted`. */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif"]);

export const NOT_AN_IMAGE =
  "This file is not a picture Folio accepts: use a JPEG, PNG, WebP, GIF or AVIF image.";
export const TOO_MANY_PIXELS = "This picture is too large: at most 100 megapixels.";
export const DOES_NOT_DECODE =
  "This picture could not be read: the file may be damaged or cut off.";

/** A refusal of the file itself; the message is for the person who chose it. */
export class PictureRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PictureRejected";
  }
}

function isAccepted(metadata: Metadata): boolean {
  if (!ACCEPTED_FORMATS.has(metadata.format ?? "")) return false;
  // HEIF is a container: AVIF is AV1 inside it; HEIC (HEVC) is not in the contract.
  return metadata.format !== "heif" || metadata.compression === "av1";
}

/** Header only: the format from the magic bytes, the dimensions, nothing decoded. */
async function inspect(bytes: Uint8Array): Promise<void> {
  const sharp = await loadSharp();
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new PictureRejected(NOT_AN_IMAGE);
    });
  if (!isAccepted(metadata)) throw new PictureRejected(NOT_AN_IMAGE);
  const { width, height } = metadata;
  if (!width || !height) throw new PictureRejected(DOES_NOT_DECODE);
  if (width * height > MAX_PICTURE_PIXELS) throw new PictureRejected(TOO_MANY_PIXELS);
}

async function render(bytes: Uint8Array): Promise<Buffer> {
  // limitInputPixels again: libvips itself refuses before decoding, whatever the header said.
  // failOn "warning" (sharp's default, stated): a truncated file is refused, not grey-filled.
  // pages 1: the first frame of an animated GIF or WebP.
  const sharp = await loadSharp();
  return sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: "warning", pages: 1 })
    .rotate() // EXIF orientation, before the orientation tag is dropped with the rest
    .resize(PICTURE_SIZE, PICTURE_SIZE, { fit: "cover", position: "centre" })
    .webp({ quality: 82 })
    .toBuffer()
    .catch(() => {
      throw new PictureRejected(DOES_NOT_DECODE);
    });
}

/**
 * The stored form of an uploaded picture: 256x256 WebP without metadata. Runs on libuv's
 * threads, in a decode slot. Throws PictureRejected for anything Folio does not accept.
 */
export function makeProfilePicture(bytes: Uint8Array): Promise<Buffer> {
  return inDecodeSlot(async () => {
    await inspect(bytes);
    return render(bytes);
  });
}
