// Renders a writer's Markdown (post content, comment bodies) without ever executing anything
// they typed (API.md "Markdown"): raw HTML becomes text, links work only with http:, https: and
// mailto: (safe-url.ts), every link is rel="nofollow ugc noopener noreferrer", and an image is a
// link with its alt text, never loaded. Loaded lazily (lazy-markdown.tsx): its parser stays
// out of the home page's entry chunk.
import type { ComponentProps, ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeUrl, USER_LINK_REL } from "./safe-url";

export interface MarkdownProps {
  /** The Markdown source, as stored. */
  source: string;
  /** The level a `#` heading renders at, so a writer's headings sit below the page's own. */
  headingLevel?: 2 | 3 | 4;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

/** A link the writer made, or its text alone when its target is not allowed. */
function UserLink({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!href) return <span className="text-break">{children}</span>;
  const external = href.startsWith("mailto:") ? {} : { target: "_blank" };
  return (
    <a href={href} rel={USER_LINK_REL} {...external}>
      {children}
    </a>
  );
}

function components(headingLevel: number): Components {
  const heading = (level: Level) => {
    const Tag = HEADING_TAGS[Math.min(5, level - 1 + headingLevel - 1)] ?? "h6";
    return ({ children }: ComponentProps<"h1">) => <Tag>{children}</Tag>;
  };
  return {
    a: ({ href, children }) => <UserLink href={href}>{children}</UserLink>,
    // Never an <img>: nothing is fetched to draw a page. The alt text is the link's text.
    img: ({ src, alt }) => (
      <UserLink href={typeof src === "string" ? src : undefined}>
        {alt ? `Image: ${alt}` : "Image"}
      </UserLink>
    ),
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    table: ({ children }) => (
      <div className="table-responsive">
        <table className="table table-sm">{children}</table>
      </div>
    ),
  };
}

export default function MarkdownView({ source, headingLevel = 2 }: MarkdownProps) {
  return (
    <div className="markdown-body">
      <Markdown
        remarkPlugins={[remarkGfm]}
        // Raw HTML is kept, as text: <b> shows as "<b>", never as bold (and never as a tag).
        skipHtml={false}
        urlTransform={(url) => safeUrl(url)}
        components={components(headingLevel)}
      >
        {source}
      </Markdown>
    </div>
  );
}
