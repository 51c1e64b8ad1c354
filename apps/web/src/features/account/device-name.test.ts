import { describe, expect, it } from "vitest";
import { deviceName, UNKNOWN_DEVICE } from "./device-name";
import { relativeTime } from "./relative-time";

describe("deviceName", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
      "Firefox 140 on Linux",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
      "Safari 18 on iOS",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
      "Chrome 140 on Windows",
    ],
  ])("names %s", (userAgent, name) => {
    expect(deviceName(userAgent)).toBe(name);
  });

  it("says so when there is no User-Agent", () => {
    expect(deviceName(null)).toBe(UNKNOWN_DEVICE);
  });

  it("shows an unknown client's own words, shortened", () => {
    expect(deviceName("x".repeat(100))).toBe(`${"x".repeat(40)}…`);
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-12-01T12:00:30.000Z");
  it.each([
    ["2026-12-01T12:00:00.000Z", "this minute"],
    ["2026-12-01T11:58:00.000Z", "2 minutes ago"],
    ["2026-12-01T09:00:00.000Z", "3 hours ago"],
    ["2026-11-30T11:00:00.000Z", "yesterday"],
    ["2026-11-10T12:00:00.000Z", "3 weeks ago"],
  ])("says %s is %s", (iso, words) => {
    expect(relativeTime(iso, now)).toBe(words);
  });
});
