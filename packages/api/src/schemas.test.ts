// The exported schemas are what the SPA validates with, so their normalisation is contract too.
import { describe, expect, it } from "vitest";
import { emailSchema, loginInput, titleSchema, usernameSchema } from "./schemas.js";

describe("input schemas", () => {
  it("trims and lower-cases an email", () => {
    expect(emailSchema.parse("  Alice@Example.COM ")).toBe("alice@example.com");
  });

  it("trims a username and a title but keeps their case", () => {
    expect(usernameSchema.parse("  Alice ")).toBe("Alice");
    expect(titleSchema.parse("  Hello World ")).toBe("Hello World");
  });

  it("keeps a password exactly as typed", () => {
    expect(loginInput.parse({ login: " alice ", password: "  pw  " })).toEqual({
      login: "alice",
      password: "  pw  ",
    });
  });
});
