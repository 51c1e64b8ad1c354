import { describe, expect, it } from "vitest";
import { hashingSlotsFor } from "./hashing-slots.js";

describe("hashingSlotsFor", () => {
  it("keeps one core free for the event loop", () => {
    expect(hashingSlotsFor(2)).toBe(1);
    expect(hashingSlotsFor(4)).toBe(3);
  });

  it("runs at least one hash, and never more than libuv's four pool threads", () => {
    expect(hashingSlotsFor(1)).toBe(1);
    expect(hashingSlotsFor(64)).toBe(4);
  });
});
