// Opaque, signed keyset cursors. The HMAC lets the server refuse any cursor it did not issue.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FeedPosition } from "@folio/db";
import { fieldError } from "./errors.js";

const keys = new WeakMap<Uint8Array, Buffer>();

/** A key for cursors only, derived from the token secret so no extra setting is needed. */
function cursorKey(secret: Uint8Array): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("folio:cursor:v1").digest();
    keys.set(secret, key);
  }
  return key;
}

function sign(secret: Uint8Array, body: string): Buffer {
  return createHmac("sha256", cursorKey(secret)).update(body).digest().subarray(0, 16);
}

export function encodeCursor(secret: Uint8Array, position: FeedPosition): string {
  const body = Buffer.from(JSON.stringify([position.at, position.id])).toString("base64url");
  return `${body}.${sign(secret, body).toString("base64url")}`;
}

const invalidCursor = () => fieldError("BAD_REQUEST", "cursor", "Invalid cursor");

export function decodeCursor(secret: Uint8Array, cursor: string): FeedPosition {
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) throw invalidCursor();
  const given = Buffer.from(signature, "base64url");
  const expected = sign(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  const [at, id] = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as [string, number];
  if (typeof at !== "string" || !Number.isSafeInteger(id)) throw invalidCursor();
  return { at, id };
}

// Cursors over rows ordered by a sortable string key (security events, by their UUIDv7 id).
// Signed under a key of their own, so a feed's cursor is never read as one of these, nor the
// other way round.
const keyCursorKeys = new WeakMap<Uint8Array, Buffer>();

function keyCursorSignature(secret: Uint8Array, body: string): Buffer {
  let key = keyCursorKeys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("folio:key-cursor:v1").digest();
    keyCursorKeys.set(secret, key);
  }
  return createHmac("sha256", key).update(body).digest().subarray(0, 16);
}

export function encodeKeyCursor(secret: Uint8Array, key: string): string {
  const body = Buffer.from(key, "utf8").toString("base64url");
  return `${body}.${keyCursorSignature(secret, body).toString("base64url")}`;
}

/** The key a cursor carries; BAD_REQUEST naming `cursor` unless this server signed it. */
export function decodeKeyCursor(secret: Uint8Array, cursor: string): string {
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) throw invalidCursor();
  const given = Buffer.from(signature, "base64url");
  const expected = keyCursorSignature(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  return Buffer.from(body, "base64url").toString("utf8");
}
