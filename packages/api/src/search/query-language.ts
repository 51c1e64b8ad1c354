// The query language of API.md "Search", read into the structure @folio/db builds each
// backend's query from: what a person types never reaches FTS5's or tsquery's own syntax.
//   words      all must match          lantern orchard
//   "a phrase" these words in order    "quiet river"
//   -word      must not match          -winter, -"cold river"
//   a or b     either (binds tighter than the implicit "and"): a b or c = a and (b or c)
import type { SearchQuery, SearchTerm } from "@folio/db";
import { fieldError } from "../shared/errors.js";

/** A term is something to search for only if it holds a letter or a digit. */
const SEARCHABLE = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

type Token = { kind: "or" } | { kind: "term"; term: SearchTerm; excluded: boolean };

/** The next term (or operator) starting at `from`, and where reading goes on. */
function readToken(q: string, from: number): { token: Token | null; next: number } {
  let i = from;
  let excluded = false;
  // A leading "-" excludes the term it is attached to; a lone "-" is punctuation.
  if (q[i] === "-" && i + 1 < q.length && !SPACE.test(q[i + 1] ?? "")) {
    excluded = true;
    i += 1;
  }
  let raw: string;
  let quoted = false;
  if (q[i] === '"') {
    // An unclosed quote runs to the end, as in a search box.
    const close = q.indexOf('"', i + 1);
    const end = close === -1 ? q.length : close;
    raw = q.slice(i + 1, end);
    quoted = true;
    i = end + 1;
  } else {
    let end = i;
    while (end < q.length && !SPACE.test(q[end] ?? "") && q[end] !== '"') end += 1;
    raw = q.slice(i, end);
    i = end;
  }
  const text = raw.trim().replace(/\s+/gu, " ");
  if (!quoted && !excluded && text.toLowerCase() === "or")
    return { token: { kind: "or" }, next: i };
  if (!SEARCHABLE.test(text)) return { token: null, next: i };
  const term = { text, phrase: quoted && text.includes(" ") };
  return { token: { kind: "term", term, excluded }, next: i };
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    if (SPACE.test(q[i] ?? "")) {
      i += 1;
      continue;
    }
    const { token, next } = readToken(q, i);
    if (token) tokens.push(token);
    i = next;
  }
  return tokens;
}

export const nothingToSearchFor = () =>
  fieldError(
    "BAD_REQUEST",
    "q",
    "Type at least one word to search for (quotes, “or” and -exclusions alone find nothing)",
  );

/** `q` as groups that must all match (each: any of its terms) and terms that must not. */
export function parseSearchQuery(q: string): SearchQuery {
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  // "or" joins the terms on either side; next to an exclusion, or at an end, it means nothing.
  let joinNext = false;
  let afterIncluded = false;
  for (const token of tokenize(q)) {
    if (token.kind === "or") {
      joinNext = afterIncluded;
      continue;
    }
    if (token.excluded) {
      none.push(token.term);
      joinNext = false;
      afterIncluded = false;
      continue;
    }
    const last = all[all.length - 1];
    if (joinNext && last) last.push(token.term);
    else all.push([token.term]);
    joinNext = false;
    afterIncluded = true;
  }
  if (all.length === 0) throw nothingToSearchFor();
  return { all, none };
}
