// fast-check arbitraries for hostile input: values of the wrong type or size for a field,
// keys no schema declares, and whole inputs of any JSON shape.
import fc from "fast-check";
import { looksLikeLeak } from "./leaks.js";
import { type RawJson, raw } from "./raw-json.js";

/** Numbers no id or limit accepts, as JSON text: not whole, not positive, not finite, not safe. */
const badNumbers = fc
  .oneof(
    fc.constantFrom("0", "-0", "-1", "1.5", "1e309", "-1e309", "9007199254740993", "1e-7"),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((n) => !Number.isInteger(n))
      .map(String),
    fc.integer({ max: 0 }).map(String),
  )
  .map(raw);

/** Numbers as strings: "NaN", "Infinity" and digits must not be coerced into an id. */
const numericStrings = fc.constantFrom("NaN", "Infinity", "-0", "1", "0x10", "1e3", " 7 ", "");

const otherTypes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constant(raw(`${"[".repeat(500)}${"]".repeat(500)}`)),
);

/** Non-blank text longer than `max` characters even after trimming, with unicode around. zod
 * counts code points, so "😀" is one character (two UTF-16 units). */
function tooLong(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom("x", "é", "中", "😀", "\u202e"),
      fc.integer({ min: 1, max: 40 }),
    )
    .map(([prefix, unit, extra]) => `${prefix}${unit.repeat(max + extra)}`);
}

export type FieldKind =
  | { type: "int"; max?: number; nullable?: boolean }
  | { type: "text"; max: number; nullable?: boolean }
  | { type: "literal"; value: string }
  /** One of a few words (a role, a status). */
  | { type: "oneOf"; values: readonly string[] }
  /** A multipart text part holding a positive whole number. */
  | { type: "formId" }
  /** A multipart file part holding a picture. */
  | { type: "file" };

/** What a form part may be: text, or a file's bytes. */
export type FormValue = string | Uint8Array;

/** A form id that is not a positive whole number in plain digits (0, signs, exponents, text). */
const wrongFormId: fc.Arbitrary<FormValue> = fc.oneof(
  fc.constantFrom("", "0", "000", "-1", "+1", "1.5", "1e3", "0x10", " 7 ", "NaN", "Infinity"),
  fc.constantFrom("9".repeat(16), "1".repeat(40)),
  fc.string({ unit: "grapheme", maxLength: 30 }).filter((text) => !/^[0-9]+$/.test(text)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
);

/** Bytes no picture decoder accepts: noise, magic numbers with junk behind, text as a file. */
const notAPicture: fc.Arbitrary<FormValue> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4096 }),
  fc
    .tuple(
      fc.constantFrom(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
        [0xff, 0xd8, 0xff, 0xe0], // JPEG
        [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
        [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], // RIFF....WEBP
        [0x3c, 0x73, 0x76, 0x67], // <svg
      ),
      fc.uint8Array({ maxLength: 512 }),
    )
    .map(([magic, junk]) => new Uint8Array([...magic, ...junk])),
  fc.string({ maxLength: 200 }),
  fc.constant(new Uint8Array(0)),
);

/** A form part the field's schema (or the image pipeline) must refuse. */
export function wrongFormValueFor(kind: FieldKind): fc.Arbitrary<FormValue> {
  if (kind.type === "file") return notAPicture;
  if (kind.type === "formId") return wrongFormId;
  throw new Error(`No form values for a ${kind.type} field`);
}

/** A value the field's schema must refuse. */
export function wrongValueFor(kind: FieldKind): fc.Arbitrary<unknown> {
  if (kind.type === "formId" || kind.type === "file") return wrongFormValueFor(kind);
  if (kind.type === "int") {
    const overMax =
      kind.max === undefined
        ? badNumbers
        : fc.integer({ min: kind.max + 1 }).map((n) => raw(`${n}`));
    const types = kind.nullable ? otherTypes.filter((value) => value !== null) : otherTypes;
    return fc.oneof(badNumbers, overMax, numericStrings, types);
  }
  if (kind.type === "literal") {
    const otherText = fc.string({ maxLength: 20 }).filter((text) => text !== kind.value);
    return fc.oneof(otherText, badNumbers, otherTypes);
  }
  if (kind.type === "oneOf") {
    const values = kind.values;
    // Another case of a word (type juggling: "Admin", "OWNER") is as wrong as another word.
    const otherText = fc
      .oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...values).map((value) => value.toUpperCase()),
        fc.constant("owner"),
      )
      .filter((text) => !values.includes(text));
    return fc.oneof(otherText, badNumbers, otherTypes);
  }
  const types = kind.nullable ? otherTypes.filter((value) => value !== null) : otherTypes;
  return fc.oneof(
    tooLong(kind.max),
    // No infinities here: JSON.stringify turns them into `null`, which a nullable field accepts
    // (badNumbers sends them as 1e309 instead).
    fc
      .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
      .map((n) => raw(JSON.stringify(n))),
    badNumbers,
    types,
  );
}

/** Keys no input schema declares; prototype keys first among them. */
export function unknownKey(declared: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty"),
      fc.constantFrom("authorId", "userId", "isAdmin", "role", "passwordHash", "tokenVersion"),
      fc.stringMatching(/^[A-Za-z_$][\w$]{0,15}$/),
    )
    .filter((key) => !declared.includes(key) && !looksLikeLeak(key));
}

/** Any input at all, as JSON text: random JSON, deep nesting, huge unicode strings. A query
 * travels in the URL, so its input stays under Node's 16 KiB header limit. */
export function anyInput(via: "query" | "body"): fc.Arbitrary<RawJson> {
  const scale = via === "query" ? 1 : 10;
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => raw(JSON.stringify(value) ?? "null")),
    fc
      .integer({ min: 1, max: 1000 * scale })
      .map((depth) => raw(`${"[".repeat(depth)}${"]".repeat(depth)}`)),
    fc
      .integer({ min: 1, max: 300 * scale })
      .map((depth) => raw(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`)),
    fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 1000 * scale })
      .map((text) => raw(JSON.stringify(text))),
    fc.constantFrom("1e309", "-0", '"NaN"', "null", "true", "[]", "{}").map(raw),
  );
}
