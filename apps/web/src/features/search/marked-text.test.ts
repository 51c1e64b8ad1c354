// Marking matched words: whole words only, any case, regex characters taken literally.
import { describe, expect, it } from "vitest";
import { markedRuns } from "./marked-text";

const marked = (text: string, words: string[]) =>
  markedRuns(text, words)
    .map((run) => (run.mark ? `[${run.text}]` : run.text))
    .join("");

describe("marking matched words", () => {
  it("marks every whole-word occurrence, in any case", () => {
    expect(marked("Published, then published again; unpublished.", ["published"])).toBe(
      "[Published], then [published] again; unpublished.",
    );
  });

  it("prefers the longer of two overlapping words", () => {
    expect(marked("lantern lanterns", ["lantern", "lanterns"])).toBe("[lantern] [lanterns]");
  });

  it("takes regex characters in a word literally", () => {
    expect(marked("C++ and C. (a|b)", ["(a|b)", "C."])).toBe("C++ and [C.] [(a|b)]");
    expect(marked("anything", [".*"])).toBe("anything");
  });

  it("leaves text without words to mark as it is", () => {
    expect(markedRuns("<b>bold</b>", [])).toEqual([{ text: "<b>bold</b>", mark: false }]);
  });
});
