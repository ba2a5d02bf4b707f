/**
 * Debian's Chromium driven by playwright-core, with the flags that keep it from
 * phoning home on a machine with no network, and a page wrapper that records
 * everything a reader's browser would do wrong: console errors, failed
 * requests and any request to a host other than the local server. The build's
 * render check, the test suites and the benchmark all open pages through it.
 */
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";

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

export async function openPage(context: BrowserContext, origin: string): Promise<PageRecord> {
  const page = await context.newPage();
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

/** Waits until Framework has run every cell: no loading placeholders left. */
export async function waitForCells(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {timeout: 30_000});
  await page.waitForLoadState("networkidle");
}
