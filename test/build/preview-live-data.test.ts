/**
 * Editing data while `npm run dev` runs: the preview server is started in a
 * copy of the project (test/helpers/project-copy.ts), a page is opened, one
 * count in the copy's data/ is changed, and the open page shows the new count
 * without a reload or a restart; and the loader output made from the edited
 * data is not kept for the next build.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {after, test} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../../scripts/export/chromium.js";
import {formatCount} from "../../src/lib/story/format.js";
import {copyProject} from "../helpers/project-copy.js";

const copy = copyProject();
let preview: ChildProcess | undefined;
let browser: Browser | undefined;

after(async () => {
  await browser?.close();
  // The preview script starts Framework as a child: end the whole group.
  if (preview?.pid) process.kill(-preview.pid, "SIGTERM");
  copy.remove();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the preview prints the address it listens on (Framework prints it once listening). */
function listening(child: ChildProcess, origin: string, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the preview server did not start at ${origin} within ${timeout / 1000} s:\n${output}`)), timeout);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`${origin}/`)) clearTimeout(timer), resolve();
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.on("close", (code) => reject(new Error(`the preview server exited (${code}):\n${output}`)));
  });
}

test("an edit in data/ reaches the open page with no restart", {timeout: 420_000}, async () => {
  const file = join(copy.root, "data", "mazars_figures.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const row = lines.findIndex((line) => line.startsWith("deaths_total,"));
  const total = Number(/,count,(\d+),/.exec(at(lines, row, "lines"))![1]);
  const port = await freePort();
  preview = spawn("node_modules/.bin/tsx", ["scripts/preview.ts"], {cwd: copy.root, detached: true, stdio: ["ignore", "pipe", "pipe"], env: {...process.env, PORT: String(port)}});
  const origin = `http://127.0.0.1:${port}`;
  await listening(preview, origin, 120_000);
  // What the preview says, for the failure message: whether it saw the edit and re-ran the loader.
  let said = "";
  for (const stream of [preview.stdout!, preview.stderr!]) stream.on("data", (chunk: Buffer) => (said = (said + chunk).slice(-4000)));
  browser = await launchBrowser();
  const page = await browser.newPage();
  // Framework starts watching a page's loaders only as it welcomes the page's socket (preview.js,
  // hello()), and the page's cells, so the figure, can be on screen before that: an edit made
  // earlier reaches no watcher, and the page never updates (seen once in a clean clone's suite,
  // where the server was slow to answer). So the edit waits for the welcome; the preview's own
  // 150 ms pause before it touches the loaders covers the few lines hello() runs after sending it.
  const welcomed = new Promise<void>((resolve) =>
    page.on("websocket", (socket) => socket.on("framereceived", ({payload}) => String(payload).includes('"welcome"') && resolve()))
  );
  await page.goto(origin);
  const figure = page.locator('.headline-figures [data-figure="deaths_total"] .fact-value');
  await figure.waitFor({timeout: 60_000});
  assert.equal(await figure.innerText(), formatCount(total));
  await page.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));
  await welcomed;

  lines[row] = at(lines, row, "lines").replace(`,count,${total},`, `,count,${total + 1},`);
  writeFileSync(file, lines.join("\n"));
  const updated = (timeout: number) =>
    page
      .waitForFunction((text) => document.querySelector('.headline-figures [data-figure="deaths_total"] .fact-value')?.textContent === text, formatCount(total + 1), {timeout})
      .then(() => true, () => false);
  // Twice in clean clones' full suites (never alone, nor in the project's own suite) the page had not
  // updated after 180 s, for a cause not yet found. So an edit not seen in 60 s is saved again, as
  // an editor would, and the test says so; a page that misses both fails, with what the preview said.
  if (!(await updated(60_000))) {
    console.log(`# the preview had not shown the edit after 60 s; saving it again. The preview said:\n${said}`);
    writeFileSync(file, lines.join("\n"));
    assert.ok(await updated(120_000), `the open page never showed the edited count; the preview said:\n${said}`);
  }
  assert.equal(await page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded), true, "the page updated in place, without a reload");

  // The preview wrote the edited count into the project's loader cache; the next build, on the
  // data as it is, must not reuse it.
  const cached = join(copy.root, "src", ".observablehq", "cache", "data", "pages", "index.json");
  assert.ok(existsSync(cached), "the preview cached the landing page's data");
  process.kill(-preview.pid!, "SIGTERM");
  preview = undefined;
  // The copy's own cache module: its paths are the copy's.
  const {clearLoaderOutputs} = (await import(pathToFileURL(join(copy.root, "scripts", "export", "loader-cache.ts")).href)) as typeof import("../../scripts/export/loader-cache.js");
  await clearLoaderOutputs();
  assert.ok(!existsSync(cached), "the output made from the edited data was kept for the next build");
});
