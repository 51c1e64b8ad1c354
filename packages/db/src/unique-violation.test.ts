// The error shapes of both drivers, as they come (real ones are in constraints.test.ts).
import { describe, expect, it } from "vitest";
import { isForeignKeyViolation } from "./foreign-key-violation.js";
import { uniqueViolationField } from "./unique-violation.js";

describe("uniqueViolationField", () => {
  it.each([
    [{ code: "23505", constraint: "users_username_lower_unique" }, "username"],
    [{ code: "23505", constraint: "users_email_unique" }, "email"],
    [
      {
        code: "SQLITE_CONSTRAINT_UNIQUE",
        message: "UNIQUE constraint failed: index 'users_username_lower_unique'",
      },
      "username",
    ],
    [
      { code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: users.email" },
      "email",
    ],
    // A second owner (two first registrations at once): the one-owner index, on either driver.
    [{ code: "23505", constraint: "users_single_owner" }, "role"],
    [{ code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: users.role" }, "role"],
  ])("maps %j to %s", (error, field) => {
    expect(uniqueViolationField(error)).toBe(field);
  });

  it.each([
    null,
    "23505",
    new Error("users_email_unique"),
    { code: "23505", constraint: "posts_pkey" },
    { code: "23503", constraint: "users_email_unique" },
    { code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: posts.id" },
    { code: "SQLITE_CONSTRAINT_FOREIGNKEY", message: "FOREIGN KEY constraint failed" },
  ])("finds no field in %j", (error) => {
    expect(uniqueViolationField(error)).toBeNull();
  });
});

describe("isForeignKeyViolation", () => {
  it("recognises both drivers' codes and nothing else", () => {
    expect(isForeignKeyViolation({ code: "23503" })).toBe(true);
    expect(isForeignKeyViolation({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" })).toBe(true);
    expect(isForeignKeyViolation({ code: "23505" })).toBe(false);
    expect(isForeignKeyViolation({ code: "SQLITE_CONSTRAINT_UNIQUE" })).toBe(false);
    expect(isForeignKeyViolation(null)).toBe(false);
  });
});
