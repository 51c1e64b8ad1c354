import type { Comment } from "@folio/api";
import { describe, expect, it } from "vitest";
import { permissionsFor, threadsOf } from "./thread";

const author = (id: number) => ({ id, username: `u${id}`, imageUrl: null, createdAt: "" });
const comment = (id: number, parentId: number | null, authorId: number | null = 1): Comment => ({
  id,
  postId: 9,
  parentId,
  body: authorId === null ? "" : `c${id}`,
  author: authorId === null ? null : author(authorId),
  createdAt: "2026-01-01T00:00:00.000Z",
  editedAt: null,
  deleted: authorId === null,
});

describe("threadsOf", () => {
  it("puts each reply under the comment it answers, in order", () => {
    const list = [comment(1, null), comment(2, null), comment(3, 1), comment(4, 2), comment(5, 1)];
    expect(threadsOf(list).map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [3, 5]],
      [2, [4]],
    ]);
  });
});

describe("permissionsFor", () => {
  const own = comment(1, null, 7);
  it("lets the author edit and delete, the post's author and editors delete, others nothing", () => {
    expect(permissionsFor(own, 8, { id: 7, moderates: false })).toEqual({
      reply: true,
      edit: true,
      delete: true,
    });
    expect(permissionsFor(own, 8, { id: 8, moderates: false })).toMatchObject({
      edit: false,
      delete: true,
    });
    expect(permissionsFor(own, 8, { id: 9, moderates: true })).toMatchObject({
      edit: false,
      delete: true,
    });
    expect(permissionsFor(own, 8, { id: 9, moderates: false })).toEqual({
      reply: true,
      edit: false,
      delete: false,
    });
    expect(permissionsFor(own, 8, null)).toEqual({ reply: false, edit: false, delete: false });
  });

  it("offers nothing on a placeholder, and no reply to a reply", () => {
    expect(permissionsFor(comment(2, null, null), 8, { id: 8, moderates: true })).toEqual({
      reply: false,
      edit: false,
      delete: false,
    });
    expect(permissionsFor(comment(3, 1, 7), 8, { id: 7, moderates: false }).reply).toBe(false);
  });
});
