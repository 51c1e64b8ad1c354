// toIsoString: stored ISO strings pass through untouched; every other form is normalised to
// the one API.md promises, so the fast path can never change what a client reads.
import { describe, expect, it } from "vitest";
import { toIsoString } from "./schema.js";

describe("toIsoString", () => {
  it("returns a stored ISO-8601 UTC string as it is (the very same string, not a copy)", () => {
    const stored = new Date(Date.UTC(2026, 10, 29, 13, 26, 15, 7)).toISOString();
    expect(toIsoString(stored)).toBe("2026-11-29T13:26:15.007Z");
    // Same answer as the slow path for every millisecond-precision instant it passes through.
    for (const ms of [0, 1, 999, 86_399_999, 1_800_000_000_000, -1]) {
      const iso = new Date(ms).toISOString();
      if (/^\d{4}-/.test(iso)) expect(toIsoString(iso)).toBe(new Date(iso).toISOString());
    }
  });

  it.each([
    ["2026-11-29 13:26:15Z", "2026-11-29T13:26:15.000Z"],
    ["2026-11-29T13:26:15Z", "2026-11-29T13:26:15.000Z"],
    ["2026-11-29T15:26:15.000+02:00", "2026-11-29T13:26:15.000Z"],
    ["2026-11-29T13:26:15.5Z", "2026-11-29T13:26:15.500Z"],
  ])("normalises %s to %s", (input, expected) => {
    expect(toIsoString(input)).toBe(expected);
  });

  it("formats a Date (Postgres timestamptz) as UTC with milliseconds", () => {
    expect(toIsoString(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 60)))).toBe(
      "2026-01-02T03:04:05.060Z",
    );
  });

  it("still refuses a string that is no time at all", () => {
    expect(() => toIsoString("not a time")).toThrow(RangeError);
  });
});
