// Which link targets a writer's Markdown may use (API.md "Markdown"): http:, https: and mailto:
// only, written out as such. Anything else, a relative or scheme-less target included, is no
// link at all, so no spelling of `javascript:` (any case, entities, tabs, percent-encoding) can
// reach an href.

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** A scheme as RFC 3986 spells it: a letter, then letters, digits, `+`, `-`, `.`; then `:`. */
const EXPLICIT_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The URL to put in an href, or undefined when it must not become a link. The check runs on
 * the URL as the browser would read it (the WHATWG parser strips tabs and newlines, lower-cases
 * the scheme), and the parser's own serialization is what goes out.
 */
export function safeUrl(value: string): string | undefined {
  if (!EXPLICIT_SCHEME.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return undefined;
  // A scheme that parses as allowed only after the parser removed characters (`ht\ttp:`) is
  // not what was written: refuse it rather than guess.
  if (url.protocol !== value.slice(0, url.protocol.length).toLowerCase()) return undefined;
  return url.href;
}

/** The rel of every link a writer made: not endorsed, user content, no window.opener, no Referer. */
export const USER_LINK_REL = "nofollow ugc noopener noreferrer";
