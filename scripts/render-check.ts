/**
 * Opens every page of a built site in Chromium and fails if one does not
 * render: a cell that threw, a chart frame with nothing drawn, or an embed page
 * with no chart. The build runs it before it replaces dist/.
 */
import {existsSync} from "node:fs";
import {launchBrowser, CHROMIUM, openPage, waitForCells} from "../test/helpers/browser.js";
import {serve} from "../test/helpers/server.js";
import {builtPages} from "../test/helpers/site.js";

export function canRenderCheck(): boolean {
  return existsSync(CHROMIUM);
}

export async function renderCheck(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const server = await serve(dir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    for (const path of await builtPages(dir)) {
      const {page, consoleErrors} = await openPage(context, server.origin);
      try {
        await page.goto(server.url + path.slice(1));
        await waitForCells(page);
        const errors = await page.locator(".observablehq--error").allInnerTexts();
        for (const error of errors) problems.push(`${path}: a cell failed: ${error.trim()}`);
        const empty = await page.locator("figure.chart-frame:not(:has(.chart-body svg, .chart-body table))").count();
        if (empty) problems.push(`${path}: ${empty} chart frame(s) drew nothing`);
        if (path.startsWith("/embed/") && (await page.locator("figure.chart-frame").count()) !== 1) problems.push(`${path}: the embed page shows no chart`);
        for (const error of consoleErrors) problems.push(`${path}: console error: ${error}`);
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}
