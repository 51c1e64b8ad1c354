// Cursors: the MAC is HMAC-SHA256 of the body under a key derived from the token secret, the
// same bytes whether the key is held raw or as a KeyObject, so cursors issued by an older
// process (a rolling restart) keep working, and any change to a cursor is refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";

const secret = new TextEncoder().encode("cursor-test-secret-that-is-32-bytes-long");
const position = { createdAt: "2026-11-29T13:26:15.000Z", id: 42 };

/** The cursor as the first implementation built it: raw key bytes on every call. */
function referenceCursor(): string {
  const key = createHmac("sha256", secret).update("folio:cursor:v1").digest();
  const body = Buffer.from(JSON.stringify([position.createdAt, position.id])).toString("base64url");
  const mac = createHmac("sha256", key).update(body).digest().subarray(0, 16);
  return `${body}.${mac.toString("base64url")}`;
}

describe("cursors", () => {
  it("are signed exactly as before (raw-key HMAC), and decode back to their position", () => {
    expect(encodeCursor(secret, position)).toBe(referenceCursor());
    expect(decodeCursor(secret, referenceCursor())).toEqual(position);
    // Repeated calls reuse the cached key and give the same answer.
    expect(encodeCursor(secret, position)).toBe(encodeCursor(secret, position));
  });

  it("refuse a cursor signed under another secret or with a changed body", () => {
    const other = new TextEncoder().encode("another-secret-that-is-also-32-bytes-long");
    expect(() => decodeCursor(other, encodeCursor(secret, position))).toThrow(/cursor/i);
    const [, mac] = encodeCursor(secret, position).split(".");
    const forged = `${Buffer.from(JSON.stringify([position.createdAt, 1])).toString("base64url")}.${mac}`;
    expect(() => decodeCursor(secret, forged)).toThrow(/cursor/i);
  });
});
