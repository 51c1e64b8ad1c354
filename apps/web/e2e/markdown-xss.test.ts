// A battery of known stored-XSS payloads (links in many spellings, raw HTML and SVG, namespace
// confusion, data: URLs, images) in a post's title and content and in a comment, rendered in a
// real browser: nothing runs, nothing is drawn from elsewhere, no request leaves the site, and
// every link that survives is http:, https: or mailto:.
import { expect, it } from "vitest";
import { apiClient, registerUser } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { recordEscapes } from "./support/escapes";
import { useFolio } from "./support/folio";

const LINKS = [
  "[a](javascript:alert('a'))",
  "[b](JAVASCRIPT:alert('b'))",
  "[c](java&#x09;script:alert('c'))",
  "[d](&#106;avascript:alert('d'))",
  "[e](%6a%61vascript:alert('e'))",
  "[f](javascript&colon;alert('f'))",
  "[g](<javascript:alert('g')>)",
  "[h](vbscript:msgbox('h'))",
  "[i](data:text/html;base64,PHNjcmlwdD5hbGVydCgnaScpPC9zY3JpcHQ+)",
  "[j](//evil.example/j)",
  "<javascript:alert('k')>",
  "[l][ref]",
  "",
  "[ref]: javascript:alert('l')",
];

const RAW_HTML = [
  "<svg onload=alert('svg')><circle r=9 /></svg>",
  "<img src=x onerror=alert('img')>",
  "<iframe src=\"javascript:alert('iframe')\"></iframe>",
  "<a href=\"javascript:alert('anchor')\">m</a>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('math')>",
  "<object data=\"javascript:alert('object')\"></object>",
  "<style>body{display:none}</style>",
];

const IMAGES = [
  "![tracker](https://evil.example/pixel.png)",
  "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
];

const CODE = "`<script>alert('code')</script>`";

const BATTERY = [...LINKS, "", ...RAW_HTML.map((line) => `${line}\n`), ...IMAGES, "", CODE].join(
  "\n",
);

describeInBrowser("Markdown that cannot run anything", () => {
  const folio = useFolio();

  it("renders a battery of XSS payloads in a title, a post and a comment as inert text", async () => {
    const mallory = await registerUser(folio.url, "mallory");
    const api = apiClient(folio.url, mallory.accessToken);
    const title = "<img src=x onerror=alert('title')> <script>alert('t')</script>";
    const post = await api.post.create.mutate({ title, content: BATTERY });
    await api.comment.create.mutate({ postId: post.id, body: BATTERY });

    const page = await folio.newPage();
    const { dialogs, elsewhere } = recordEscapes(page, folio.url);
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const rendered = page.locator(".markdown-body");
    await expect.poll(() => rendered.count()).toBe(2);
    // The code span is the last block of each: once it is there, everything above is too.
    await expect.poll(() => rendered.locator("code").count()).toBe(2);

    const forbidden = "img, script, iframe, svg, math, style, object, embed, form, base";
    expect(await rendered.locator(forbidden).count()).toBe(0);
    const hrefs = await rendered
      .locator("a")
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
    // Only the https image is a link (to where it points, never loaded), once in the post and
    // once in the comment; none of the script links survived, nor the data: image.
    expect(hrefs).toEqual(["https://evil.example/pixel.png", "https://evil.example/pixel.png"]);
    // Raw HTML and code show as the text that was written.
    for (const text of ["<img src=x onerror=alert('img')>", "<script>alert('code')</script>"]) {
      expect(await rendered.getByText(text, { exact: false }).count()).toBeGreaterThanOrEqual(2);
    }
    expect(await page.title()).toBe(`${title} · Folio`);

    // Clicking what used to be links does nothing either.
    for (const name of ["a", "d", "f", "l"]) {
      await rendered.getByText(name, { exact: true }).first().click();
    }
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/posts/${post.id}`);
  });
});
