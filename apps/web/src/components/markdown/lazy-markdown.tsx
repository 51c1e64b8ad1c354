// The Markdown renderer, fetched on first use: until it arrives the source shows as plain text
// (already safe, and readable), so nothing waits on the parser and the entry chunk stays small.
import { lazy, Suspense } from "react";
import type { MarkdownProps } from "./markdown";

const MarkdownView = lazy(() => import("./markdown"));

export function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<div className="post-content">{props.source}</div>}>
      <MarkdownView {...props} />
    </Suspense>
  );
}
