/**
 * Opening a page of the built site as a first-time reader does: a new browser
 * context (empty cache), the bench's marks injected before the page's own
 * scripts, and every request of the page and its workers recorded. The
 * bench's server sends files as they are, so a request's bytes are its file's
 * size; its gzip size is that file compressed at zlib level 6 (what most
 * hosts send), once per file.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import type {Browser, BrowserContext, Page} from "playwright-core";

const MARKS = fileURLToPath(new URL("./browser/marks.js", import.meta.url));

export const DESKTOP = {width: 1280, height: 900};
export const PHONE = {width: 412, height: 823};

/** The built site as the bench serves it. */
export interface Site {
  dir: string;
  /** The root URL, ending in a slash. */
  url: string;
}

export interface Marks {
  firstChartMs: number | null;
  firstPaintMs: number | null;
  layoutShift: number;
  firstRunState: string | null;
  firstResultMs: number | null;
}

export interface Transfers {
  bytes: number;
  gzipBytes: number;
  jsBytes: number;
  requests: number;
  /** Paths of the DuckDB-WASM files (or Framework's DuckDB client) requested. */
  duckdb: string[];
  /** Requests that failed, went off this machine, or got no file. */
  problems: string[];
}

const gzipped = new Map<string, {bytes: number; gzipBytes: number}>();

function fileSizes(siteDir: string, path: string): {bytes: number; gzipBytes: number} | null {
  const candidates = path.endsWith("/") ? [join(siteDir, path, "index.html")] : [join(siteDir, path), join(siteDir, `${path}.html`)];
  const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) return null;
  if (!gzipped.has(file)) {
    const body = readFileSync(file);
    gzipped.set(file, {bytes: body.length, gzipBytes: gzipSync(body, {level: 6}).length});
  }
  return gzipped.get(file)!;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  marks(): Promise<Marks>;
  transfers(): Transfers;
  close(): Promise<void>;
}

export async function openPage(browser: Browser, site: Site, path: string, {viewport = DESKTOP, javaScript = true} = {}): Promise<OpenedPage> {
  const context = await browser.newContext({viewport, javaScriptEnabled: javaScript});
  await context.addInitScript({path: MARKS});
  const origin = new URL(site.url).origin;
  const paths: string[] = [];
  const problems: string[] = [];
  context.on("requestfinished", (request) => {
    const url = request.url();
    if (url.startsWith(origin)) paths.push(decodeURIComponent(new URL(url).pathname));
    else if (!/^(data|blob|about):/.test(url)) problems.push(`off this machine: ${url}`);
  });
  context.on("requestfailed", (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  await page.goto(site.url + path.replace(/^\//, ""), {waitUntil: "load"});
  return {
    page,
    context,
    marks: () => page.evaluate("(({armQuery, query, ...marks}) => marks)(window.__bench)") as Promise<Marks>,
    transfers() {
      const totals: Transfers = {bytes: 0, gzipBytes: 0, jsBytes: 0, requests: paths.length, duckdb: [], problems: [...problems]};
      for (const p of paths) {
        const sizes = fileSizes(site.dir, p);
        if (!sizes) {
          totals.problems.push(`no such file: ${p}`);
          continue;
        }
        totals.bytes += sizes.bytes;
        totals.gzipBytes += sizes.gzipBytes;
        if (/\.m?js$/.test(p)) totals.jsBytes += sizes.bytes;
        if (/^\/_npm\/@duckdb\/|^\/_observablehq\/stdlib\/duckdb\./.test(p)) totals.duckdb.push(p);
      }
      return totals;
    },
    close: () => context.close()
  };
}
