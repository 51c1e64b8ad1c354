import { afterEach, describe, expect, it, vi } from "vitest";
import { localPublishAtSchema, publishAtBounds, toLocalInput } from "./publish-at";

afterEach(() => {
  vi.useRealTimers();
});

describe("localPublishAtSchema", () => {
  it("reads the picker's value on the reader's clock and sends the instant in UTC", () => {
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000);
    inAWeek.setSeconds(0, 0);
    expect(localPublishAtSchema.parse(toLocalInput(inAWeek))).toBe(inAWeek.toISOString());
  });

  it("refuses an empty value, a date without a time, and nonsense", () => {
    for (const value of ["", "   ", "2030-01-01", "next tuesday"]) {
      const result = localPublishAtSchema.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Choose a date and time");
    }
  });

  it("refuses a time in the past and one more than a year ahead, with the API's words", () => {
    const past = localPublishAtSchema.safeParse(toLocalInput(new Date(Date.now() - 3600_000)));
    expect(past.error?.issues[0]?.message).toBe("Publish time must be in the future");
    const far = new Date();
    far.setFullYear(far.getFullYear() + 2);
    const tooFar = localPublishAtSchema.safeParse(toLocalInput(far));
    expect(tooFar.error?.issues[0]?.message).toBe("Publish time must be at most a year ahead");
  });
});

describe("publishAtBounds", () => {
  it("runs from the next minute to the same moment a year later", () => {
    vi.useFakeTimers();
    const now = new Date(2026, 11, 10, 14, 30, 20);
    vi.setSystemTime(now);
    expect(publishAtBounds(now)).toEqual({ min: "2026-12-10T14:31", max: "2027-12-10T14:30" });
  });
});
