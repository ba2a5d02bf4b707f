/**
 * Debian's Chromium driven by playwright-core, with the flags that keep it from
 * phoning home on a machine with no network, and a page wrapper that records
 * everything a reader's browser would do wrong: console errors, failed
 * requests and any request to a host other than the local server. The build's
 * render check, the test suites and the benchmark all open pages through it.
 */
import {chromium, type Browser, type BrowserContext, type Page, type Request} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic"
    ]
  });
}

export interface PageRecord {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  offHostRequests: string[];
  requests: string[];
}

/** The requests a watched page has started and not yet finished, and who waits for none to be left. */
interface RequestWatch {
  open: Set<Request>;
  settled: (() => void)[];
}
const watches = new WeakMap<Page, RequestWatch>();

/**
 * Counts a page's open requests from Playwright's events, so that a wait can
 * end the moment the last one finishes (rather than after Playwright's
 * "networkidle", half a second with none). Must be called before the page
 * navigates; openPage does it.
 */
export function watchRequests(page: Page): void {
  const watch: RequestWatch = {open: new Set(), settled: []};
  watches.set(page, watch);
  const finished = (request: Request) => {
    watch.open.delete(request);
    if (watch.open.size === 0) for (const resolve of watch.settled.splice(0)) resolve();
  };
  page.on("request", (request) => watch.open.add(request));
  page.on("requestfinished", finished);
  page.on("requestfailed", finished);
}

/** Resolves once a watched page has no request open (an unwatched one: after Playwright's network idle). */
export function networkSettled(page: Page, timeout = 30_000): Promise<void> {
  const watch = watches.get(page);
  if (!watch) return page.waitForLoadState("networkidle", {timeout});
  if (watch.open.size === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`requests still open after ${timeout} ms: ${[...watch.open].map((r) => r.url()).join(", ")}`)), timeout);
    watch.settled.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function openPage(context: BrowserContext, origin: string): Promise<PageRecord> {
  const page = await context.newPage();
  watchRequests(page);
  const record: PageRecord = {page, consoleErrors: [], failedRequests: [], offHostRequests: [], requests: []};
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => record.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => record.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) record.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("request", (request) => {
    const url = request.url();
    record.requests.push(url);
    if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url)) record.offHostRequests.push(url);
  });
  // Anything off this machine is refused before it leaves the browser.
  await page.route((url) => !url.href.startsWith(origin) && !/^(data|blob|about):/.test(url.href), (route) => route.abort("blockedbyclient"));
  return record;
}

/**
 * Waits until Framework has run every cell (no loading placeholders left, the
 * static ones drawn at build included) and the requests the page started
 * have finished. The limit only stops a page that never gets there: on a
 * busy two-core machine a page can take half a minute to go live.
 */
export async function waitForCells(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForLoadState("load", {timeout});
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout});
  await networkSettled(page, timeout);
}
