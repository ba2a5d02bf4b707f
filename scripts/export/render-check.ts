/**
 * Opens every page of a built site in Chromium and fails if one does not
 * render: a cell that threw, a chart frame with nothing drawn, an embed page
 * with no chart, or an error in the console. The build runs it before it
 * replaces dist/. An export byte-for-byte identical to one that already passed
 * is not checked again: the same files render the same way.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser, BrowserContext} from "playwright-core";
import {launchBrowser, CHROMIUM, openPage, waitForCells} from "./chromium.js";
import {pagesOf, serve, type StaticServer} from "./static-server.js";
import {projectRoot} from "./loader-cache.js";
import {hashFolders, stampMatches, writeStamp} from "./stamps.js";

// Pages are opened a few at a time: most of each visit is waiting for the network to fall idle.
const PAGES_AT_ONCE = 3;
const passedStamp = join(projectRoot, "src", ".observablehq", "render-checked.sha256");

export function canRenderCheck(): boolean {
  return existsSync(CHROMIUM);
}

/** The digest of an export, to tell whether it already passed the check. */
export function exportDigest(dir: string): Promise<string> {
  return hashFolders([dir]);
}

export function alreadyChecked(digest: string): Promise<boolean> {
  return stampMatches(passedStamp, digest);
}

export function rememberChecked(digest: string): Promise<void> {
  return writeStamp(passedStamp, digest);
}

async function checkPage(context: BrowserContext, origin: string, url: string, path: string): Promise<string[]> {
  const problems: string[] = [];
  const {page, consoleErrors, failedRequests} = await openPage(context, origin);
  try {
    await page.goto(url);
    await waitForCells(page);
    for (const error of await page.locator(".observablehq--error").allInnerTexts()) problems.push(`${path}: a cell failed: ${error.trim()}`);
    const empty = await page.locator("figure.chart-frame:not(:has(.chart-body svg, .chart-body table))").count();
    if (empty) problems.push(`${path}: ${empty} chart frame(s) drew nothing`);
    if (path.startsWith("/embed/") && (await page.locator("figure.chart-frame:visible").count()) !== 1) problems.push(`${path}: the embed page shows no chart`);
    for (const error of consoleErrors) problems.push(`${path}: console error: ${error}`);
    for (const request of failedRequests) problems.push(`${path}: failed request: ${request}`);
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message.split("\n")[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

/** Checks every page of `dir`; in the build's own browser and server when it passes them, or in its own. */
export async function renderCheck(dir: string, session?: {browser: Browser; server: StaticServer}): Promise<string[]> {
  const problems: string[] = [];
  const server = session?.server ?? (await serve(dir));
  const browser = session?.browser ?? (await launchBrowser());
  const context = await browser.newContext();
  try {
    const queue = await pagesOf(dir);
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        problems.push(...(await checkPage(context, server.origin, server.url + path.slice(1), path)));
      }
    };
    await Promise.all(Array.from({length: PAGES_AT_ONCE}, worker));
  } finally {
    await context.close();
    if (!session) {
      await browser.close();
      await server.close();
    }
  }
  return problems.sort();
}
