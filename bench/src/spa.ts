// The SPA figures: how many gzip bytes the home page makes a browser download (JS and CSS,
// as index.html references them), and first contentful paint in headless Chromium.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

export interface SpaResult {
  jsGzipKb: number | null;
  cssGzipKb: number | null;
  fcpMs: number | null;
  /** Why a figure is null, if one is. */
  note?: string;
  files?: string[];
  fcpRunsMs?: number[];
}

const gzipKb = (bytes: Buffer) => Math.round(gzipSync(bytes, { level: 9 }).length / 102.4) / 10;

/** Entry scripts, module preloads and stylesheets named by index.html (local files only). */
function homePageAssets(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const src = /\s(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!src || /^(https?:)?\/\//.test(src)) continue;
    if (/^<script/i.test(tag) || /rel="modulepreload"/i.test(tag)) js.add(src);
    else if (/rel="stylesheet"/i.test(tag)) css.add(src);
  }
  return { js: [...js], css: [...css] };
}

export function measureBundle(webDist: string): Omit<SpaResult, "fcpMs"> {
  const indexPath = join(webDist, "index.html");
  if (!existsSync(indexPath)) {
    return { jsGzipKb: null, cssGzipKb: null, note: `no ${indexPath}: the SPA is not built` };
  }
  const { js, css } = homePageAssets(readFileSync(indexPath, "utf8"));
  const total = (files: string[]) =>
    Math.round(
      files.reduce((sum, file) => sum + gzipKb(readFileSync(join(webDist, file))), 0) * 10,
    ) / 10;
  return { jsGzipKb: total(js), cssGzipKb: total(css), files: [...js, ...css] };
}

/** Debian's Chromium (.ci/run installs it for the browser tests). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Runs in the page (a string: this package's types have no DOM). Resolves -1 if no paint.
const FCP_SCRIPT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName("first-contentful-paint")[0];
    if (entry) resolve(entry.startTime);
  }).observe({ type: "paint", buffered: true });
  setTimeout(() => resolve(-1), 5000);
})`;

/** Median FCP over `loads` cold loads (a new browser context each: empty cache). */
export async function measureFcp(url: string, loads: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const runs: number[] = [];
    // One unmeasured load first: the server's first static reads come from a cold disk cache.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load" });
      const fcp = Number(await page.evaluate(FCP_SCRIPT));
      await context.close();
      if (i > 0 && fcp >= 0) runs.push(Math.round(fcp));
    }
    return runs;
  } finally {
    await browser.close();
  }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
