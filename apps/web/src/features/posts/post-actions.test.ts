import type { Role } from "@folio/api/policy";
import { describe, expect, it } from "vitest";
import { creationIntents, offeredActions } from "./post-actions";

const AUTHOR_ID = 7;
const post = (status: "draft" | "pending" | "scheduled" | "published") => ({
  status,
  author: { id: AUTHOR_ID },
});
const offered = (role: Role, id: number, status: Parameters<typeof post>[0]) =>
  [...offeredActions({ id, role }, post(status))].sort();

describe("offeredActions", () => {
  it("offers a contributor edit and submit on a draft, and no way to publish", () => {
    expect(offered("contributor", AUTHOR_ID, "draft")).toEqual(["delete", "edit", "submit"]);
  });

  it("leaves a contributor only delete once the post is live or scheduled", () => {
    expect(offered("contributor", AUTHOR_ID, "published")).toEqual(["delete"]);
    expect(offered("contributor", AUTHOR_ID, "scheduled")).toEqual(["delete"]);
  });

  it("lets a contributor edit a pending post but not take it back from review", () => {
    expect(offered("contributor", AUTHOR_ID, "pending")).toEqual(["delete", "edit"]);
  });

  it("offers an author every move on their own posts that changes something", () => {
    expect(offered("author", AUTHOR_ID, "draft")).toEqual([
      "delete",
      "edit",
      "publish",
      "schedule",
      "submit",
    ]);
    expect(offered("author", AUTHOR_ID, "published")).toEqual(["delete", "edit", "unpublish"]);
  });

  it("offers an author nothing on someone else's post", () => {
    expect(offered("author", 99, "published")).toEqual([]);
  });

  it("offers an editor publish, schedule and send back on someone else's pending post", () => {
    expect(offered("editor", 99, "pending")).toEqual([
      "delete",
      "edit",
      "publish",
      "schedule",
      "unpublish",
    ]);
  });

  it("offers no one submit on someone else's draft, editors included", () => {
    expect(offered("owner", 99, "draft")).not.toContain("submit");
  });

  it("offers a reader only the deletion of their own post, and a visitor nothing", () => {
    expect(offered("reader", AUTHOR_ID, "draft")).toEqual(["delete"]);
    expect([...offeredActions(null, post("published"))]).toEqual([]);
  });
});

describe("creationIntents", () => {
  it("gives a reader no way to write a post", () => {
    expect(creationIntents({ id: 1, role: "reader" })).toEqual([]);
  });

  it("gives contributors a draft or a request for review only", () => {
    expect(creationIntents({ id: 1, role: "contributor" })).toEqual(["draft", "pending"]);
  });

  it("gives authors and above publish and schedule first", () => {
    expect(creationIntents({ id: 1, role: "author" })).toEqual([
      "publish",
      "schedule",
      "draft",
      "pending",
    ]);
    expect(creationIntents({ id: 1, role: "admin" })[0]).toBe("publish");
  });
});
