import { describe, expect, it } from "vitest";
import { formatWhen, visibilityNotice } from "./post-status";

const AUTHOR = { id: 4, username: "cora", imageUrl: null, createdAt: "2026-01-01T00:00:00.000Z" };
const post = (
  status: "draft" | "pending" | "scheduled" | "published",
  publishedAt: string | null = null,
) => ({
  status,
  publishedAt,
  author: AUTHOR,
});

describe("visibilityNotice", () => {
  it("tells a draft's author that only they and editors can see it", () => {
    expect(visibilityNotice(post("draft"), 4)).toBe("Draft — only you and editors can see this.");
  });

  it("tells an editor that only the author and editors can see someone's submission", () => {
    expect(visibilityNotice(post("pending"), 9)).toBe(
      "Pending review — only its author and editors can see this until it is published.",
    );
  });

  it("says when a scheduled post goes live, on the reader's clock", () => {
    const at = "2027-03-04T09:30:00.000Z";
    expect(visibilityNotice(post("scheduled", at), 4)).toBe(
      `Scheduled for ${formatWhen(at)} — only you and editors can see this until then.`,
    );
    expect(formatWhen(at)).toMatch(/2027/);
  });

  it("has nothing to say over a published post", () => {
    expect(visibilityNotice(post("published", "2026-01-02T00:00:00.000Z"), 4)).toBeNull();
  });
});
