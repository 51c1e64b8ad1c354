// The renderer as static HTML (react-dom/server): GitHub's Markdown works, and nothing a writer
// types becomes a tag, an attribute handler, a script URL or a request for an image.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import MarkdownView from "./markdown";
import { USER_LINK_REL } from "./safe-url";

const render = (source: string, headingLevel?: 2 | 3 | 4) =>
  renderToStaticMarkup(<MarkdownView source={source} headingLevel={headingLevel} />);

/** Every tag name in the HTML, e.g. ["div", "p", "a"]. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]);

describe("Markdown", () => {
  it("renders GitHub's Markdown: emphasis, lists, tables, strikethrough, task lists, code", () => {
    const html = render(
      "**bold** _it_ ~~gone~~\n\n- [x] done\n- [ ] todo\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`code`",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/>/);
    expect(html).toContain("<td>1</td>");
    expect(html).toContain("<code>code</code>");
  });

  it.each([
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    'Hello <a href="javascript:alert(1)">x</a> there',
    '<iframe src="https://example.com"></iframe>',
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
    '<base href="https://evil.example/">',
  ])("shows raw HTML %j as text, creating no tag of it", (source) => {
    const html = render(source);
    expect(
      tagsOf(html).every((tag) => ["div", "p"].includes(tag ?? "")),
      html,
    ).toBe(true);
    const text = source.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(html.replace(/&quot;/g, '"')).toContain(text);
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java&#9;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](%6a%61vascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](<javascript:alert(1)>)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[x](/relative/path)",
  ])("shows the link %j as its text alone", (source) => {
    const html = render(source);
    expect(html).not.toMatch(/<a\b|href=/);
    // The writer's text may stay (as text); no attribute carries a script URL.
    expect(html).not.toMatch(/="[^"]*script:/i);
  });

  it("opens http, https and mailto links, each with rel nofollow ugc noopener noreferrer", () => {
    const html = render("[site](https://example.com/a) www.example.org <mailto:me@example.com>");
    expect(html).toContain(
      `<a href="https://example.com/a" rel="${USER_LINK_REL}" target="_blank">site</a>`,
    );
    expect(html).toContain(`<a href="http://www.example.org/" rel="${USER_LINK_REL}"`);
    expect(html).toContain(`<a href="mailto:me@example.com" rel="${USER_LINK_REL}">`);
  });

  it("shows an image as a link with its alt text, never as an <img>", () => {
    const html = render("![a cat](http://example.com/x.png) ![](https://example.com/y.png)");
    expect(tagsOf(html)).not.toContain("img");
    expect(html).toContain(
      `<a href="http://example.com/x.png" rel="${USER_LINK_REL}" target="_blank">Image: a cat</a>`,
    );
    expect(html).toContain(">Image</a>");
    const unsafe = render("![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)");
    expect(tagsOf(unsafe)).not.toContain("img");
    expect(unsafe).not.toMatch(/href=|src=/);
  });

  it("puts a writer's headings below the page's own", () => {
    expect(render("# Top\n\n## Next")).toMatch(/<h2>Top<\/h2>\s*<h3>Next<\/h3>/);
    expect(render("# Top\n\n###### Deep", 4)).toMatch(/<h4>Top<\/h4>\s*<h6>Deep<\/h6>/);
  });
});
