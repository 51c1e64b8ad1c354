// Opaque, signed cursors. The HMAC lets the server refuse any cursor it did not issue. Each
// kind of cursor has its own key (a feed cursor is no search cursor), and a cursor may be bound
// to a context it is valid in (a search cursor to its query).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FeedPosition } from "@folio/db";
import { fieldError } from "./errors.js";

/** The kinds of cursor: keyset positions of lists, and positions in a search's hits. */
export type CursorKind = "cursor" | "search-cursor";

const keys = new WeakMap<Uint8Array, Map<CursorKind, Buffer>>();

/** A key per kind of cursor, derived from the token secret so no extra setting is needed. */
function cursorKey(secret: Uint8Array, kind: CursorKind): Buffer {
  let byKind = keys.get(secret);
  if (!byKind) {
    byKind = new Map();
    keys.set(secret, byKind);
  }
  let key = byKind.get(kind);
  if (!key) {
    key = createHmac("sha256", secret).update(`folio:${kind}:v1`).digest();
    byKind.set(kind, key);
  }
  return key;
}

function sign(secret: Uint8Array, kind: CursorKind, body: string, context: string): Buffer {
  const mac = createHmac("sha256", cursorKey(secret, kind)).update(body);
  // No context, no extra input: list cursors keep the format cursor.test.ts pins.
  if (context) mac.update(`\n${context}`);
  return mac.digest().subarray(0, 16);
}

/** `values` as an opaque cursor of `kind`, valid only with the same `context`. */
export function signCursor(
  secret: Uint8Array,
  kind: CursorKind,
  values: readonly unknown[],
  context = "",
): string {
  const body = Buffer.from(JSON.stringify(values)).toString("base64url");
  return `${body}.${sign(secret, kind, body, context).toString("base64url")}`;
}

export const invalidCursor = () => fieldError("BAD_REQUEST", "cursor", "Invalid cursor");

/** The values a cursor of `kind` carries; BAD_REQUEST naming `cursor` unless this server signed it. */
export function openCursor(
  secret: Uint8Array,
  kind: CursorKind,
  cursor: string,
  context = "",
): unknown[] {
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) throw invalidCursor();
  const given = Buffer.from(signature, "base64url");
  const expected = sign(secret, kind, body, context);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  const values: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  if (!Array.isArray(values)) throw invalidCursor();
  return values;
}

export function encodeCursor(secret: Uint8Array, position: FeedPosition): string {
  return signCursor(secret, "cursor", [position.at, position.id]);
}

export function decodeCursor(secret: Uint8Array, cursor: string): FeedPosition {
  const [at, id] = openCursor(secret, "cursor", cursor);
  if (typeof at !== "string" || !Number.isSafeInteger(id)) throw invalidCursor();
  return { at, id: id as number };
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
