// The link policy on its own: the three schemes pass (as the browser reads them), every other
// scheme and every spelling of a dangerous one does not.
import { describe, expect, it } from "vitest";
import { safeUrl } from "./safe-url";

describe("safeUrl", () => {
  it.each([
    ["https://example.com/a?b=c#d", "https://example.com/a?b=c#d"],
    ["HTTP://Example.com", "http://example.com/"],
    ["http://example.com/a b", "http://example.com/a%20b"],
    ["mailto:someone@example.com", "mailto:someone@example.com"],
  ])("lets %s through as %s", (value, expected) => {
    expect(safeUrl(value)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java%09script:alert(1)",
    "%6a%61vascript:alert(1)",
    " javascript:alert(1)",
    "\u0000javascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com",
    "ht\ttp://example.com",
    "//evil.example/",
    "/posts/1",
    "#top",
    "",
  ])("refuses %j", (value) => {
    expect(safeUrl(value)).toBeUndefined();
  });
});
