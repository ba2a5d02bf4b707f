/**
 * Editing data while `npm run dev` runs: the preview server is started on a
 * copy of data/, a page is opened, one count in the copy is changed, and the
 * open page shows the new count without a reload or a restart; and the
 * loader output made from the edited copy is not kept for the next build.
 */
import assert from "node:assert/strict";
import {spawn, type ChildProcess} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../../scripts/chromium.js";
import {clearLoaderOutputs} from "../../scripts/loader-cache.js";
import {formatCount} from "../../src/lib/format.js";
import {projectRoot} from "../helpers/site.js";

const data = mkdtempSync(join(tmpdir(), "shft-live-data-"));
let preview: ChildProcess | undefined;
let browser: Browser | undefined;

after(async () => {
  await browser?.close();
  // The preview script starts Framework as a child: end the whole group.
  if (preview?.pid) process.kill(-preview.pid, "SIGTERM");
  rmSync(data, {recursive: true, force: true});
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

test("an edit in data/ reaches the open page with no restart", {timeout: 180_000}, async () => {
  cpSync(join(projectRoot, "data"), data, {recursive: true});
  const file = join(data, "mazars_figures.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const row = lines.findIndex((line) => line.startsWith("deaths_total,"));
  const total = Number(/,count,(\d+),/.exec(lines[row])![1]);
  const port = await freePort();
  preview = spawn("node_modules/.bin/tsx", ["scripts/preview.ts"], {cwd: projectRoot, detached: true, stdio: "ignore", env: {...process.env, PORT: String(port), SHFT_DATA_DIR: data}});
  const origin = `http://127.0.0.1:${port}`;
  await waitForServer(origin, Date.now() + 120_000);
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(origin);
  const figure = page.locator('.headline-figures [data-figure="deaths_total"] .fact-value');
  await figure.waitFor({timeout: 60_000});
  assert.equal(await figure.innerText(), formatCount(total));
  await page.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));

  lines[row] = lines[row].replace(`,count,${total},`, `,count,${total + 1},`);
  writeFileSync(file, lines.join("\n"));
  await page.waitForFunction((text) => document.querySelector('.headline-figures [data-figure="deaths_total"] .fact-value')?.textContent === text, formatCount(total + 1), {timeout: 60_000});
  assert.equal(await page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded), true, "the page updated in place, without a reload");

  // The preview wrote the edited count into the project's loader cache; the next build, on the
  // data as it is, must not reuse it.
  const cached = join(projectRoot, "src", ".observablehq", "cache", "data", "pages", "index.json");
  assert.ok(existsSync(cached), "the preview cached the landing page's data");
  process.kill(-preview.pid!, "SIGTERM");
  preview = undefined;
  await clearLoaderOutputs();
  assert.ok(!existsSync(cached), "the output made from the edited data was kept for the next build");
});
