// Text with the words a search matched in <mark>, built as React elements: the text is never
// read as HTML, whatever a post's author wrote.
import { Fragment } from "react";

const WORD_CHAR = "[\\p{L}\\p{N}]";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits `text` into plain runs and whole-word occurrences of `words` (any case). */
export function markedRuns(
  text: string,
  words: readonly string[],
): { text: string; mark: boolean }[] {
  const alternatives = words
    .filter((word) => word.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (alternatives.length === 0) return [{ text, mark: false }];
  const pattern = new RegExp(`(?<!${WORD_CHAR})(${alternatives.join("|")})(?!${WORD_CHAR})`, "giu");
  // With one capturing group, split() alternates: plain, match, plain, match, …
  return text
    .split(pattern)
    .map((part, i) => ({ text: part, mark: i % 2 === 1 }))
    .filter((run) => run.text.length > 0);
}

export function MarkedText({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {markedRuns(text, words).map((run, i) =>
        // The runs of one text never reorder: their position is a stable key.
        run.mark ? <mark key={i}>{run.text}</mark> : <Fragment key={i}>{run.text}</Fragment>,
      )}
    </>
  );
}
