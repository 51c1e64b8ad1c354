import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, mediaTypeOf, takesFormData } from "./body-limits.js";

const MiB = 1024 * 1024;

describe("bodyLimitFor", () => {
  it("is 1 MiB for every procedure but user.setPicture, which gets 6 MiB", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(MiB);
    expect(bodyLimitFor("auth.login", false)).toBe(MiB);
    expect(bodyLimitFor("post.create", false)).toBe(MiB);
    expect(bodyLimitFor("user.setPicture", false)).toBe(6 * MiB);
  });

  it("never raises the limit for a batch, even one that names user.setPicture", () => {
    expect(bodyLimitFor("user.setPicture", true)).toBe(MiB);
    expect(bodyLimitFor("user.setPicture,user.setPicture", true)).toBe(MiB);
    expect(bodyLimitFor("user.setPicture,post.create", false)).toBe(MiB);
  });

  it("gives no special limit to names that are not procedures (prototype keys included)", () => {
    for (const path of ["constructor", "__proto__", "toString", "", "user.setpicture"]) {
      expect(bodyLimitFor(path, false)).toBe(MiB);
    }
  });
});

describe("mediaTypeOf", () => {
  it("takes the media type without parameters, lower case", () => {
    expect(mediaTypeOf("Multipart/Form-Data; boundary=x")).toBe("multipart/form-data");
    expect(mediaTypeOf("application/json;charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf(undefined)).toBeNull();
    expect(mediaTypeOf(" ; x=y")).toBeNull();
  });
});

describe("takesFormData", () => {
  it("is true for a single call of user.setPicture only", () => {
    expect(takesFormData("user.setPicture", false)).toBe(true);
    expect(takesFormData("auth.login", false)).toBe(false);
    expect(takesFormData("post.create", false)).toBe(false);
    expect(takesFormData("user.setPicture", true)).toBe(false);
    expect(takesFormData("user.setPicture,post.create", false)).toBe(false);
    expect(takesFormData("constructor", false)).toBe(false);
  });
});
