// Pictures made in the test, with sharp, so every format and every hostile case is built from
// known pixels instead of fixture files nobody can read.
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

export const UPLOAD_FORMATS = ["jpeg", "png", "webp", "gif", "avif"] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

/** A 400x300 image, left half red and right half blue, in the given format. */
export function twoColourImage(format: UploadFormat, width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#0000ff" } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: "#ff0000" } },
        left: 0,
        top: 0,
      },
    ])
    .toFormat(format)
    .toBuffer();
}

/** A JPEG with EXIF: a camera name, GPS coordinates, and the given orientation tag. */
export async function jpegWithGps(orientation = 1): Promise<Buffer> {
  const jpeg = await twoColourImage("jpeg");
  return sharp(jpeg)
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: "FolioCam", Model: "Test 1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 24/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 21/1 3/1",
      },
    })
    .jpeg()
    .toBuffer();
}

/** True when EXIF bytes hold a GPS IFD pointer (tag 0x8825), in either byte order. */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

/** A noisy JPEG (so that it is not tiny), cut off after `fraction` of its bytes. */
export async function truncatedJpeg(fraction = 0.6): Promise<Buffer> {
  const noisy = await sharp({
    create: {
      width: 300,
      height: 300,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  return noisy.subarray(0, Math.floor(noisy.length * fraction));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid, black, 1-bit greyscale PNG of `width` x `height`: 10001x10001 (just over 100
 * megapixels) compresses to a few kilobytes, a decompression bomb in miniature.
 */
export function solidPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(1, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rowBytes = 1 + Math.ceil(width / 8); // a filter byte, then the pixels
  const pixels = deflateSync(Buffer.alloc(rowBytes * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", pixels),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export const SVG_PICTURE = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><script>alert(1)</script>' +
    '<rect width="300" height="300" fill="red"/></svg>',
);

/** The RGB of one pixel of an image. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

export const fileOf = (bytes: Uint8Array, name: string, type = "image/png") =>
  new File([new Uint8Array(bytes)], name, { type });
