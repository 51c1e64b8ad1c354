// The query language read into terms: words, phrases, exclusions, "or", and what is no query.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { FieldError } from "../shared/errors.js";
import { parseSearchQuery } from "./query-language.js";

const word = (text: string) => ({ text, phrase: false });
const phrase = (text: string) => ({ text, phrase: true });

describe("the search query language", () => {
  it("reads several words as terms that must all match", () => {
    expect(parseSearchQuery("lantern  orchard")).toEqual({
      all: [[word("lantern")], [word("orchard")]],
      none: [],
    });
  });

  it('reads "a phrase" as words in order, and a quoted single word as a word', () => {
    expect(parseSearchQuery('"quiet   river" stone "ink"')).toEqual({
      all: [[phrase("quiet river")], [word("stone")], [word("ink")]],
      none: [],
    });
  });

  it("runs an unclosed quote to the end of the query", () => {
    expect(parseSearchQuery('stone "quiet river')).toEqual({
      all: [[word("stone")], [phrase("quiet river")]],
      none: [],
    });
  });

  it('reads -word and -"a phrase" as exclusions, and a hyphen inside a word as part of it', () => {
    expect(parseSearchQuery('well-known -winter -"cold river" - x')).toEqual({
      all: [[word("well-known")], [word("x")]],
      none: [word("winter"), phrase("cold river")],
    });
  });

  it("joins the terms on either side of or (any case), tighter than the implicit and", () => {
    expect(parseSearchQuery('ink paper OR "quiet river" or stone')).toEqual({
      all: [[word("ink")], [word("paper"), phrase("quiet river"), word("stone")]],
      none: [],
    });
  });

  it("ignores or at either end, twice in a row, or next to an exclusion", () => {
    expect(parseSearchQuery("or ink or or paper -winter or stone or")).toEqual({
      all: [[word("ink"), word("paper")], [word("stone")]],
      none: [word("winter")],
    });
  });

  it('reads a quoted "or" as a word', () => {
    expect(parseSearchQuery('ink "or"')).toEqual({
      all: [[word("ink")], [word("or")]],
      none: [],
    });
  });

  it("keeps the backends' own syntax as plain text of a term", () => {
    expect(parseSearchQuery("title:secret NEAR(a b) ink* a&b !c")).toEqual({
      all: ["title:secret", "NEAR(a", "b)", "ink*", "a&b", "!c"].map((text) => [word(text)]),
      none: [],
    });
  });

  it("drops what has no letter or digit, and keeps words of any script", () => {
    expect(parseSearchQuery("!!! ... café 東京 ١٢٣ 😀 ---")).toEqual({
      all: [[word("café")], [word("東京")], [word("١٢٣")]],
      none: [],
    });
  });

  it.each([
    ["only exclusions", '-winter -"cold river"'],
    ["only or", "or OR or"],
    ["only punctuation", "!!! ... ---"],
    ["only empty quotes", '"" "  "'],
    ["exclusions joined by or", "-ink or -paper"],
    ["only emoji", "😀 🎉"],
  ])("refuses a query of %s with BAD_REQUEST naming q", (_name, q) => {
    let caught: unknown;
    try {
      parseSearchQuery(q);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TRPCError);
    expect((caught as TRPCError).code).toBe("BAD_REQUEST");
    expect(Object.keys(((caught as TRPCError).cause as FieldError).fields)).toEqual(["q"]);
  });
});
