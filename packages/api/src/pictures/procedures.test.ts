// user.setPicture and user.removePicture through createCaller (and the fetch adapter where the
// wire shape matters), on every dialect: each rule of API.md "Pictures", and what a refusal
// leaves behind (nothing new: the current picture stays).
import sharp from "sharp";
import { expect, it } from "vitest";
import { MAX_PICTURE_BYTES } from "../schemas.js";
import { createRateLimits } from "../shared/rate-limits.js";
import {
  describeEachDialect,
  freshApp,
  type SignedUp,
  type TestApp,
} from "../test-support/harness.js";
import {
  fileOf,
  hasGpsIfd,
  jpegWithGps,
  SVG_PICTURE,
  solidPng,
  truncatedJpeg,
  twoColourImage,
  UPLOAD_FORMATS,
} from "../test-support/images.js";
import { expectHttpRefused, expectRefused } from "../test-support/snapshot.js";
import { PICTURES_PATH, pictureIdFromFileName } from "./picture-url.js";
import { databasePictureStore } from "./store.js";

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const upload = (user: SignedUp, image: Blob, id: string = String(user.id)) =>
  user.as.user.setPicture(form({ id, image }));

/** The stored bytes behind an imageUrl, or undefined when the URL serves nothing. */
async function bytesBehind(app: TestApp, url: string | null): Promise<Uint8Array | undefined> {
  if (!url?.startsWith(PICTURES_PATH)) return undefined;
  const id = pictureIdFromFileName(url.slice(PICTURES_PATH.length));
  return id ? databasePictureStore(app.db).read(id) : undefined;
}

async function withPicture(app: TestApp, name: string) {
  const user = await app.signUp(name);
  const after = await upload(user, fileOf(await twoColourImage("png"), "me.png"));
  return { user, url: after.imageUrl };
}

async function fieldErrorsOf(app: TestApp, call: () => Promise<unknown>) {
  const error = await expectRefused(app.db, call, "BAD_REQUEST");
  return (error.cause as { fields?: Record<string, string> }).fields ?? error.cause;
}

describeEachDialect("pictures", (dialect) => {
  it.each(UPLOAD_FORMATS)(
    "accepts a %s and serves a 256x256 WebP under a new URL",
    async (format) => {
      const app = await freshApp(dialect);
      const alice = await app.signUp("alice");
      const user = await upload(alice, fileOf(await twoColourImage(format), `me.${format}`));
      expect(user).toEqual({
        ...alice.session.user,
        imageUrl: expect.stringMatching(/^\/pictures\/[A-Za-z0-9_-]{22}\.webp$/),
      });
      const stored = await bytesBehind(app, user.imageUrl);
      const metadata = await sharp(stored).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(["webp", 256, 256]);
      expect(await alice.as.user.me()).toEqual(user);
      expect((await app.caller().user.byId({ id: alice.id })).imageUrl).toBe(user.imageUrl);
    },
  );

  it("shows the picture beside the user's posts", async () => {
    const app = await freshApp(dialect);
    const { user, url } = await withPicture(app, "alice");
    await user.as.post.create({ title: "Hello", content: "World" });
    const page = await app.caller().post.list();
    expect(page.items[0]?.author.imageUrl).toBe(url);
  });

  it("stores no EXIF: the GPS coordinates of the upload are gone", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const input = await jpegWithGps();
    expect(hasGpsIfd((await sharp(input).metadata()).exif)).toBe(true);
    const user = await upload(alice, fileOf(input, "holiday.jpg", "image/jpeg"));
    const stored = Buffer.from((await bytesBehind(app, user.imageUrl)) ?? []);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.toString("latin1")).not.toContain("FolioCam");
  });

  it("changes the URL on every upload and deletes the old bytes", async () => {
    const app = await freshApp(dialect);
    const { user, url: first } = await withPicture(app, "alice");
    const second = (await upload(user, fileOf(await twoColourImage("png"), "me.png"))).imageUrl;
    expect(second).not.toBe(first);
    expect(await bytesBehind(app, first)).toBeUndefined();
    expect(await bytesBehind(app, second)).toBeDefined();
    expect(await app.db.selectFrom("pictures").select("user_id").execute()).toEqual([
      { user_id: user.id },
    ]);
  });

  const refusedFiles: [string, () => Promise<Blob>, RegExp][] = [
    [
      "a text file that claims to be a PNG",
      async () => fileOf(Buffer.from("not a picture at all"), "me.png"),
      /JPEG, PNG, WebP, GIF or AVIF/,
    ],
    [
      "an SVG",
      async () => fileOf(SVG_PICTURE, "me.svg", "image/svg+xml"),
      /JPEG, PNG, WebP, GIF or AVIF/,
    ],
    [
      "a truncated JPEG",
      async () => fileOf(await truncatedJpeg(), "me.jpg", "image/jpeg"),
      /damaged or cut off/,
    ],
    [
      "a file of 5 MiB + 1 byte",
      async () => fileOf(Buffer.alloc(MAX_PICTURE_BYTES + 1), "me.png"),
      /at most 5 MiB/,
    ],
    ["an empty file", async () => fileOf(Buffer.alloc(0), "me.png"), /empty/],
    [
      "a small PNG of more than 100 megapixels",
      async () => fileOf(solidPng(10_001, 10_001), "me.png"),
      /100 megapixels/,
    ],
  ];

  it.each(refusedFiles)(
    "refuses %s naming image, keeping the current picture",
    async (_name, make, message) => {
      const app = await freshApp(dialect);
      const { user, url } = await withPicture(app, "alice");
      const file = await make();
      const fields = await fieldErrorsOf(app, () => upload(user, file));
      expect(JSON.stringify(fields)).toMatch(message);
      expect((await user.as.user.me()).imageUrl).toBe(url);
      expect(await bytesBehind(app, url)).toBeDefined();
    },
  );

  it("answers a refused file over the wire like every other procedure: zodError.fieldErrors.image", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    for (const image of [
      fileOf(SVG_PICTURE, "me.svg"),
      fileOf(Buffer.alloc(MAX_PICTURE_BYTES + 1), "big.png"),
    ]) {
      const error = await expectHttpRefused(
        app.db,
        () => app.http("user.setPicture", { id: alice.id, image }, { token: alice.token }),
        "BAD_REQUEST",
      );
      expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["image"]);
      expect(error.message).toMatch(/^image: /);
    }
  });

  it.each([
    ["no id field", {}],
    ["an id that is not a number", { id: "me" }],
    ["an id of zero", { id: "0" }],
    ["an id in exponent notation", { id: "1e3" }],
  ])("refuses %s naming id", async (_name, fields) => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const image = fileOf(await twoColourImage("png"), "me.png");
    const error = await expectHttpRefused(
      app.db,
      () => app.http("user.setPicture", { ...fields, image }, { token: alice.token }),
      "BAD_REQUEST",
    );
    expect(Object.keys(error.data.zodError?.fieldErrors ?? {})).toEqual(["id"]);
  });

  it("refuses a form without a file, or with text where the file goes, naming image", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const forms: Record<string, string>[] = [
      { id: String(alice.id) },
      { id: String(alice.id), image: "a string" },
    ];
    for (const fields of forms) {
      const error = await expectRefused(
        app.db,
        () => alice.as.user.setPicture(form(fields)),
        "BAD_REQUEST",
      );
      expect(error.message).toMatch(/^image: /);
    }
  });

  it("refuses a repeated field, and a JSON body instead of a form", async () => {
    const app = await freshApp(dialect);
    const alice = await app.signUp("alice");
    const image = fileOf(await twoColourImage("png"), "me.png");
    const twice = form({ id: String(alice.id), image });
    twice.append("image", image);
    await expectRefused(app.db, () => alice.as.user.setPicture(twice), "BAD_REQUEST", /^image: /);
    const json = await expectHttpRefused(
      app.db,
      () => app.http("user.setPicture", { id: alice.id }, { token: alice.token }),
      "BAD_REQUEST",
    );
    expect(json.data.zodError?.formErrors).toEqual([expect.stringMatching(/multipart form/)]);
  });

  it("refuses someone else's id with FORBIDDEN, leaving their picture alone", async () => {
    const app = await freshApp(dialect);
    const { user: alice, url } = await withPicture(app, "alice");
    const mallory = await app.signUp("mallory");
    const image = fileOf(await twoColourImage("png"), "me.png");
    await expectRefused(app.db, () => upload(mallory, image, String(alice.id)), "FORBIDDEN");
    await expectRefused(app.db, () => mallory.as.user.removePicture({ id: alice.id }), "FORBIDDEN");
    expect((await alice.as.user.me()).imageUrl).toBe(url);
    expect(await bytesBehind(app, url)).toBeDefined();
  });

  it("removes the picture: imageUrl null, the bytes gone; again, still null", async () => {
    const app = await freshApp(dialect);
    const { user, url } = await withPicture(app, "alice");
    expect((await user.as.user.removePicture({ id: user.id })).imageUrl).toBeNull();
    expect(await bytesBehind(app, url)).toBeUndefined();
    expect(await user.as.user.removePicture({ id: user.id })).toEqual({
      ...user.session.user,
      imageUrl: null,
    });
    expect((await user.as.user.me()).imageUrl).toBeNull();
  });

  it("deletes the picture with its user", async () => {
    const app = await freshApp(dialect);
    // The owner's account can't be deleted: the site has one already, so this test's are ordinary.
    await app.addSiteOwner();
    const { user, url } = await withPicture(app, "alice");
    const { url: bobsUrl } = await withPicture(app, "bob");
    await user.as.user.delete({ id: user.id });
    expect(await bytesBehind(app, url)).toBeUndefined();
    expect(await bytesBehind(app, bobsUrl)).toBeDefined();
  });

  it("limits uploads per account (RATE_LIMIT_UPLOAD_USER) with retryAfterSeconds; others may upload", async () => {
    const app = await freshApp(
      dialect,
      createRateLimits({ loginPerIp: 0, loginPerAccount: 0, registerPerIp: 0, uploadPerUser: 2 }),
    );
    const alice = await app.signUp("alice");
    const bob = await app.signUp("bob");
    const image = fileOf(await twoColourImage("png"), "me.png");
    // A refused file counts too: decoding it is the work the limit protects.
    await expect(upload(alice, fileOf(SVG_PICTURE, "x.svg"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { imageUrl } = await upload(alice, image);
    const error = await expectHttpRefused(
      app.db,
      () => app.http("user.setPicture", { id: alice.id, image }, { token: alice.token }),
      "TOO_MANY_REQUESTS",
    );
    expect(error.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.data.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
    expect((await alice.as.user.me()).imageUrl).toBe(imageUrl);
    await expect(upload(bob, image)).resolves.toMatchObject({ id: bob.id });
  });
});
