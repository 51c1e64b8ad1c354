// The image pipeline on its own: what it accepts, what it makes, what it refuses and why.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  hasGpsIfd,
  jpegWithGps,
  pixelAt,
  SVG_PICTURE,
  solidPng,
  truncatedJpeg,
  twoColourImage,
  UPLOAD_FORMATS,
} from "../test-support/images.js";
import { decodeSlots, decodeStats } from "./decode-slots.js";
import {
  DOES_NOT_DECODE,
  MAX_PICTURE_PIXELS,
  makeProfilePicture,
  NOT_AN_IMAGE,
  PictureRejected,
  TOO_MANY_PIXELS,
} from "./image-pipeline.js";

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await makeProfilePicture(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PictureRejected);
  return (error as PictureRejected).message;
}

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const near = (actual: number[], expected: number[]) =>
  actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) < 40);

describe("makeProfilePicture", () => {
  it.each(UPLOAD_FORMATS)("turns a %s into a 256x256 WebP", async (format) => {
    const input = await twoColourImage(format);
    expect((await sharp(input).metadata()).format).toBe(format === "avif" ? "heif" : format);
    const output = await makeProfilePicture(input);
    const metadata = await sharp(output).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["webp", 256, 256]);
  });

  it("crops the centre square: red on the left, blue on the right of a 400x300 picture", async () => {
    const output = await makeProfilePicture(await twoColourImage("png"));
    expect(near(await pixelAt(output, 10, 128), RED)).toBe(true);
    expect(near(await pixelAt(output, 245, 128), BLUE)).toBe(true);
  });

  it("applies the EXIF orientation: rotated 90 degrees, the red half is on top", async () => {
    const output = await makeProfilePicture(await jpegWithGps(6));
    // Unrotated, the top right corner would be blue.
    for (const x of [10, 245]) {
      expect(near(await pixelAt(output, x, 10), RED)).toBe(true);
      expect(near(await pixelAt(output, x, 245), BLUE)).toBe(true);
    }
  });

  it("removes every piece of metadata, EXIF with GPS coordinates included", async () => {
    const input = await jpegWithGps();
    expect(hasGpsIfd((await sharp(input).metadata()).exif)).toBe(true);
    const output = await makeProfilePicture(input);
    const metadata = await sharp(output).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    // No metadata chunk in the WebP container either, nor the camera's name anywhere.
    const riff = output.toString("latin1");
    for (const chunk of ["EXIF", "XMP ", "ICCP", "FolioCam"]) expect(riff).not.toContain(chunk);
  });

  it("takes the first frame of an animated GIF", async () => {
    const frames = await Promise.all(
      ["#ff0000", "#0000ff"].map((background) =>
        sharp({ create: { width: 64, height: 64, channels: 3, background } })
          .raw()
          .toBuffer(),
      ),
    );
    const gif = await sharp(Buffer.concat(frames), {
      raw: { width: 64, height: 128, channels: 3, pageHeight: 64 },
    })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const output = await makeProfilePicture(gif);
    expect(near(await pixelAt(output, 128, 128), RED)).toBe(true);
  });

  it("refuses a text file, whatever it claims to be", async () => {
    expect(await refusal(Buffer.from("Definitely a PNG, trust me.\n"))).toBe(NOT_AN_IMAGE);
  });

  it("refuses SVG", async () => {
    expect(await refusal(SVG_PICTURE)).toBe(NOT_AN_IMAGE);
  });

  it("refuses other real image formats (TIFF)", async () => {
    const tiff = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#fff" },
    })
      .tiff()
      .toBuffer();
    expect(await refusal(tiff)).toBe(NOT_AN_IMAGE);
  });

  it("refuses a truncated file", async () => {
    expect(await refusal(await truncatedJpeg())).toBe(DOES_NOT_DECODE);
  });

  it("refuses a small file that decodes to more than 100 megapixels, from its header", async () => {
    const bomb = solidPng(10_001, 10_001);
    expect(bomb.length).toBeLessThan(200_000);
    expect(10_001 * 10_001).toBeGreaterThan(MAX_PICTURE_PIXELS);
    expect(await refusal(bomb)).toBe(TOO_MANY_PIXELS);
  });

  it("decodes at most decodeSlots pictures at once; the others wait in line", async () => {
    const input = await twoColourImage("png");
    decodeStats.reset();
    await Promise.all(Array.from({ length: decodeSlots + 4 }, () => makeProfilePicture(input)));
    expect(decodeStats.mostAtOnce()).toBe(decodeSlots);
    expect(decodeStats.waiting()).toBe(0);
  });
});
