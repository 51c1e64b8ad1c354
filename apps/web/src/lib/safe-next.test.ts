import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query and hash", () => {
    expect(safeNextPath("/posts/new")).toBe("/posts/new");
    expect(safeNextPath("/users/3?tab=1#top")).toBe("/users/3?tab=1#top");
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["protocol-relative", "//evil.example/x"],
    ["backslash host", "/\\evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript URL", "javascript:alert(1)"],
    ["relative without slash", "posts/new"],
    ["control character", "/\t/evil.example"],
  ])("falls back to the home page for a %s path", (_name, next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("builds a login link that returns to the current path", () => {
    const link = loginPathFor("/posts/new?draft=1");
    expect(link).toBe("/login?next=%2Fposts%2Fnew%3Fdraft%3D1");
    expect(safeNextPath(new URLSearchParams(link.split("?")[1]).get("next"))).toBe(
      "/posts/new?draft=1",
    );
  });
});
