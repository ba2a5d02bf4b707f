/**
 * Opening a page of the built site the way a first-time reader does: a new
 * browser context (empty cache), the bench's timing marks injected before the
 * page's own scripts, and every request recorded. Nothing is intercepted
 * (request interception would put a round trip to Node into every request);
 * requests off this machine are only recorded, and fail for want of network.
 */
import {fileURLToPath} from "node:url";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {recordTransfers, type PageTransfers} from "./network.js";

const MARKS = fileURLToPath(new URL("./browser/marks.js", import.meta.url));

export const VIEWPORT = {width: 1280, height: 900};

/** The built site as the bench serves it. */
export interface Site {
  /** The folder served. */
  dir: string;
  origin: string;
  /** The site's root URL, ending in a slash. */
  url: string;
}

export interface Marks {
  firstChartMs: number | null;
  firstResultMs: number | null;
  firstRunState: string | null;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  offHost: string[];
  /** Stops recording and returns what was transferred. */
  transfers(): Promise<PageTransfers>;
  marks(): Promise<Marks>;
  close(): Promise<void>;
}

/** Opens `path` ("/deaths", or a page served beside the site) in a new context. */
export async function openCold(browser: Browser, site: Site, path: string): Promise<OpenedPage> {
  const {origin} = site;
  const context = await browser.newContext({viewport: VIEWPORT});
  await context.addInitScript({path: MARKS});
  const recorder = recordTransfers(context, origin, site.dir);
  const consoleErrors: string[] = [];
  const offHost: string[] = [];
  context.on("request", (request) => {
    const requested = request.url();
    if (!requested.startsWith(origin) && !/^(data|blob|about):/.test(requested)) offHost.push(requested);
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(site.url + path.replace(/^\//, ""), {waitUntil: "load"});
  return {
    context,
    page,
    consoleErrors,
    offHost,
    transfers: () => recorder.stop(),
    marks: () => page.evaluate("({firstChartMs: __bench.firstChartMs, firstResultMs: __bench.firstResultMs, firstRunState: __bench.firstRunState})") as Promise<Marks>,
    close: () => context.close()
  };
}
