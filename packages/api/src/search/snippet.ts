// The passage shown for a hit (API.md "Search"): plain text of at most 200 characters around
// the first match in the content, and the matched words as they appear in it. Which words
// matched is the database's answer (its highlighter uses the index's own tokenizer and
// stemmer); the text is always the post's own content, read beside the marked copy.
import { MATCH_END, MATCH_START } from "@folio/db";

export const SNIPPET_MAX = 200;
/** Characters of context kept before the first match. */
const LEAD = 60;
const ELLIPSIS = "…";

interface Run {
  text: string;
  match: boolean;
}

/**
 * The content in plain and matched runs. `marked` must be the content with markers inserted;
 * if it is anything else (or missing), nothing is marked rather than anything made up.
 */
function runsOf(content: string, marked: string | null): Run[] {
  const unmarked = [{ text: content, match: false }];
  if (marked === null) return unmarked;
  const runs: Run[] = [];
  let current = "";
  let inMatch = false;
  let j = 0;
  // By UTF-16 unit, as content[j] reads: a character outside the BMP is two steps here.
  for (let i = 0; i < marked.length; i += 1) {
    const unit = marked[i];
    if (unit === content[j]) {
      current += unit;
      j += 1;
    } else if (unit === MATCH_START || unit === MATCH_END) {
      if (current) runs.push({ text: current, match: inMatch });
      current = "";
      inMatch = unit === MATCH_START;
    } else {
      return unmarked;
    }
  }
  if (j !== content.length) return unmarked;
  if (current) runs.push({ text: current, match: inMatch });
  return runs;
}

/** One line of text (whitespace collapsed) and where the matches are in it. */
function flatten(runs: Run[]): { text: string; ranges: [number, number][] } {
  let text = "";
  const ranges: [number, number][] = [];
  for (const run of runs) {
    let piece = run.text.replace(/\s+/gu, " ");
    if ((text === "" || text.endsWith(" ")) && piece.startsWith(" ")) piece = piece.slice(1);
    if (run.match && piece) ranges.push([text.length, text.length + piece.length]);
    text += piece;
  }
  return { text: text.trimEnd(), ranges };
}

const isHighSurrogate = (text: string, at: number) => /[\uD800-\uDBFF]/.test(text[at] ?? "");

/** Where the passage starts: at a word, up to LEAD characters before `match`. */
function startBefore(text: string, match: number): number {
  const start = Math.max(0, match - LEAD);
  if (start === 0 || text[start - 1] === " ") return start;
  const space = text.indexOf(" ", start);
  return space !== -1 && space < match ? space + 1 : match;
}

/** Where the passage ends: at most `room` characters on, at a word when one fits. */
function endWithin(text: string, start: number, room: number, keep: number): number {
  const limit = start + room;
  const space = text.lastIndexOf(" ", limit);
  if (space > keep) return space;
  return isHighSurrogate(text, limit - 1) ? limit - 1 : limit;
}

export function snippetOf(
  content: string,
  marked: string | null,
): { snippet: string; matches: string[] } {
  const { text, ranges } = flatten(runsOf(content, marked));
  const first = ranges[0];
  const start = first ? startBefore(text, first[0]) : 0;
  const lead = start > 0 ? ELLIPSIS : "";
  const fits = text.length - start <= SNIPPET_MAX - lead.length;
  // Room for the trailing ellipsis too when the passage stops before the end.
  const end = fits
    ? text.length
    : endWithin(text, start, SNIPPET_MAX - lead.length - 1, first ? first[1] : start);
  const tail = end < text.length ? ELLIPSIS : "";
  const matches: string[] = [];
  for (const [from, to] of ranges) {
    if (from < start || to > end) continue;
    for (const word of text.slice(from, to).split(" ")) {
      if (word && !matches.includes(word)) matches.push(word);
    }
  }
  return { snippet: `${lead}${text.slice(start, end).trim()}${tail}`, matches };
}
