// JSON built as text, so a test can send what JSON.stringify cannot produce: own "__proto__"
// keys, 1e309 (Infinity once parsed), -0, integers past 2^53.
export type RawJson = { raw: string };

export const raw = (text: string): RawJson => ({ raw: text });

function isRaw(value: unknown): value is RawJson {
  return (
    typeof value === "object" && value !== null && "raw" in value && Object.keys(value).length === 1
  );
}

/** JSON text of `value`; `raw()` parts are inserted as written. */
export function toJsonText(value: unknown): string {
  if (isRaw(value)) return value.raw;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** `entries` as an object's JSON text (keys may repeat or be "__proto__"). */
export function objectText(entries: [string, unknown][]): RawJson {
  return raw(
    `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(",")}}`,
  );
}
