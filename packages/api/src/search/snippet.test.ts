// The passage of a hit: plain text, at most 200 characters, around the first match; the
// matched words as they appear in it. Marks are made here the way the highlighters make them.
import { MATCH_END, MATCH_START } from "@folio/db";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SNIPPET_MAX, snippetOf } from "./snippet.js";

/** `content` with every occurrence of each word marked, as a highlighter returns it. */
function mark(content: string, ...words: string[]): string {
  const pattern = new RegExp(`(${words.join("|")})`, "g");
  return content.replace(pattern, `${MATCH_START}$1${MATCH_END}`);
}

const filler = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describe("search snippets", () => {
  it("gives short content whole, with the words that matched", () => {
    const content = "How I published my first newsletter. Publishing is fun.";
    expect(snippetOf(content, mark(content, "published", "Publishing"))).toEqual({
      snippet: content,
      matches: ["published", "Publishing"],
    });
  });

  it("cuts long content around the first match, at words, within 200 characters", () => {
    const content = `${filler(60)} the lantern glows ${filler(80)}`;
    const { snippet, matches } = snippetOf(content, mark(content, "lantern"));
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(snippet).toMatch(/^…word\d+ /);
    expect(snippet).toMatch(/ word\d+…$/);
    expect(snippet).toContain("the lantern glows");
    expect(snippet.indexOf("lantern")).toBeLessThanOrEqual(62);
    expect(matches).toEqual(["lantern"]);
  });

  it("starts at the beginning with no matches when only the title matched", () => {
    const content = `${filler(100)}`;
    const { snippet, matches } = snippetOf(content, content);
    expect(snippet.startsWith("word0 word1")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(matches).toEqual([]);
  });

  it("lists only the matches inside the passage, each once", () => {
    const content = `ink and ink ${filler(120)} paper at the end`;
    expect(snippetOf(content, mark(content, "ink", "paper")).matches).toEqual(["ink"]);
  });

  it("collapses line breaks and runs of spaces, and leaves markup as the text it is", () => {
    const content = "  <b>Bold</b>\n\n  claims   about\tink  ";
    expect(snippetOf(content, mark(content, "ink"))).toEqual({
      snippet: "<b>Bold</b> claims about ink",
      matches: ["ink"],
    });
  });

  it("marks nothing rather than trust a marked copy that is not the content", () => {
    const content = "ink and paper";
    expect(snippetOf(content, `${MATCH_START}ink${MATCH_END} and PAPER`)).toEqual({
      snippet: content,
      matches: [],
    });
    expect(snippetOf(content, null)).toEqual({ snippet: content, matches: [] });
  });

  it("never splits a character outside the BMP when it cuts", () => {
    const content = `${"😀".repeat(150)} ink`;
    const { snippet } = snippetOf(content, mark(content, "ink"));
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
  });

  it("always gives plain text of at most 200 characters whose matches are in it", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 600 });
    fc.assert(
      fc.property(text, text, fc.constantFrom("ink", "é", "😀", "a b"), (before, after, hit) => {
        const content = `${before} ${hit} ${after}`;
        const { snippet, matches } = snippetOf(content, mark(content, hit));
        expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
        expect(snippet).not.toMatch(new RegExp(`[${MATCH_START}${MATCH_END}]`));
        for (const match of matches) expect(snippet).toContain(match);
      }),
      { numRuns: 300 },
    );
  });
});
