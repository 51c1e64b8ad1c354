// Profile pictures over HTTP against the real server: multipart uploads as a browser sends
// them, the serving route's status and headers, 404 once a picture is gone, and the limits.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "./support/spawn-server.js";
import { mutate, query, register, send, uploadPicture } from "./support/trpc-http.js";

const squarePng = (background = "#3366cc") =>
  sharp({ create: { width: 320, height: 200, channels: 3, background } })
    .png()
    .toBuffer();

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 300, channels: 3, background: "#c93" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "FolioCam" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1" },
    })
    .toBuffer();
}

function expectPictureHeaders(headers: Headers) {
  expect(headers.get("content-type")).toBe("image/webp");
  expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/sandbox/);
}

async function expectGone(base: string, url: string) {
  const res = await send(`${base}${url}`);
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(res.text).not.toMatch(/<html/i);
}

describe("profile pictures over HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({
      env: { RATE_LIMIT_REGISTER_IP: "0", RATE_LIMIT_UPLOAD_USER: "3" },
    });
  });
  afterAll(() => server?.stop());

  it("uploads a multipart FormData and serves the 256x256 WebP with the contract's headers", async () => {
    const alice = await register(server.url);
    const res = await uploadPicture(server.url, alice.accessToken, {
      id: alice.user.id,
      image: await squarePng(),
    });
    expect(res.status, res.text).toBe(200);
    const url: string = res.body.result.data.imageUrl;
    expect(url).toMatch(/^\/pictures\/[A-Za-z0-9_-]{22}\.webp$/);

    const picture = await fetch(`${server.url}${url}`);
    expect(picture.status).toBe(200);
    expectPictureHeaders(picture.headers);
    const metadata = await sharp(Buffer.from(await picture.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["webp", 256, 256]);

    const head = await fetch(`${server.url}${url}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expectPictureHeaders(head.headers);
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const me = await query(server.url, "user.me", undefined, alice.accessToken);
    expect(me.body.result.data.imageUrl).toBe(url);
  });

  it("serves no EXIF: the GPS coordinates of the upload are gone", async () => {
    const alice = await register(server.url);
    const res = await uploadPicture(server.url, alice.accessToken, {
      id: alice.user.id,
      image: await jpegWithGps(),
      name: "trip.jpg",
      type: "image/jpeg",
    });
    expect(res.status, res.text).toBe(200);
    const bytes = Buffer.from(
      await (await fetch(`${server.url}${res.body.result.data.imageUrl}`)).arrayBuffer(),
    );
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.toString("latin1")).not.toMatch(/EXIF|FolioCam/);
  });

  it("answers 404 for the old URL after a replace, a removal, and the user's deletion", async () => {
    const alice = await register(server.url);
    const upload = async () =>
      (
        await uploadPicture(server.url, alice.accessToken, {
          id: alice.user.id,
          image: await squarePng(),
        })
      ).body.result.data.imageUrl as string;
    const first = await upload();
    const second = await upload();
    expect(second).not.toBe(first);
    await expectGone(server.url, first);
    expect((await send(`${server.url}${second}`)).status).toBe(200);

    const removed = await mutate(
      server.url,
      "user.removePicture",
      { id: alice.user.id },
      { token: alice.accessToken },
    );
    expect(removed.body.result.data.imageUrl).toBeNull();
    await expectGone(server.url, second);

    const third = await upload();
    await mutate(server.url, "user.delete", { id: alice.user.id }, { token: alice.accessToken });
    await expectGone(server.url, third);
  });

  it.each([
    "/pictures/AAAAAAAAAAAAAAAAAAAAAA.webp",
    "/pictures/nothing.png",
    "/pictures/a/b",
    "/pictures/",
  ])("answers %s with a plain 404, never the SPA", async (path) => {
    await expectGone(server.url, path);
  });

  it("refuses SVG, a text file and 5 MiB + 1 byte with 400 naming image", async () => {
    const alice = await register(server.url);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>');
    for (const image of [svg, Buffer.from("just text"), Buffer.alloc(5 * 1024 * 1024 + 1)]) {
      const res = await uploadPicture(server.url, alice.accessToken, { id: alice.user.id, image });
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(Object.keys(res.body.error.data.zodError.fieldErrors)).toEqual(["image"]);
    }
    const me = await query(server.url, "user.me", undefined, alice.accessToken);
    expect(me.body.result.data.imageUrl).toBeNull();
  });

  it("refuses a body over 6 MiB with 413 (body limits, ADR 010), keeping the current picture", async () => {
    const alice = await register(server.url);
    const first = await uploadPicture(server.url, alice.accessToken, {
      id: alice.user.id,
      image: await squarePng(),
    });
    const url = first.body.result.data.imageUrl as string;
    const huge = Buffer.alloc(6 * 1024 * 1024 + 1);
    const refused = await uploadPicture(server.url, alice.accessToken, {
      id: alice.user.id,
      image: huge,
    });
    expect(refused.status).toBe(413);
    expect(refused.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    const me = await query(server.url, "user.me", undefined, alice.accessToken);
    expect(me.body.result.data.imageUrl).toBe(url);
    expect((await send(`${server.url}${url}`)).status).toBe(200);
  });

  it("refuses someone else's id with 403 and a bad id with 400 naming id", async () => {
    const alice = await register(server.url);
    const mallory = await register(server.url);
    const image = await squarePng();
    expect(
      (await uploadPicture(server.url, mallory.accessToken, { id: alice.user.id, image })).status,
    ).toBe(403);
    const bad = await uploadPicture(server.url, mallory.accessToken, { id: "alice", image });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.data.zodError.fieldErrors)).toEqual(["id"]);
  });

  it("limits uploads per account with 429 and Retry-After (RATE_LIMIT_UPLOAD_USER=3)", async () => {
    const alice = await register(server.url);
    const image = await squarePng();
    for (let i = 0; i < 3; i++) {
      expect(
        (await uploadPicture(server.url, alice.accessToken, { id: alice.user.id, image })).status,
      ).toBe(200);
    }
    const refused = await uploadPicture(server.url, alice.accessToken, {
      id: alice.user.id,
      image,
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error.data.code).toBe("TOO_MANY_REQUESTS");
  });

  it("lets the SPA show pictures and blob: previews (img-src 'self' blob:)", async () => {
    const page = await send(`${server.url}/account`);
    const imgSrc =
      /img-src ([^;]*)/.exec(page.headers.get("content-security-policy") ?? "")?.[1] ?? "";
    expect(imgSrc.split(" ")).toEqual(expect.arrayContaining(["'self'", "blob:"]));
  });
});
