/**
 * Analysts' own files on the SQL workbench (`npm run bench:files`; not part
 * of `npm test`), against the built site in dist/, in headless Chromium:
 *
 * - a 250,000-row CSV: from choosing the file to its first query answered
 *   (budget 3 s), then a GROUP BY over it, warm (budget 200 ms, DuckDB's own
 *   time as the page reports it, and the wall time from the click). Measured
 *   twice: "settled", the file chosen once the page's CSV reader has started
 *   in the background (an analyst who has read the page for a few seconds),
 *   and "at once", chosen the moment the page's first query is answered;
 * - a 10,000,000-row CSV (--big; about 230 MB): the load time, whether the
 *   progress bar showed, and the memory of the browser's processes after.
 *
 * Each run opens a new browser context, so it has empty storage. The CSVs are
 * generated here, deterministically (the same rows every run). Results go to
 * bench/results/files.json and files.md.
 *
 *   tsx bench/files.ts [--runs N] [--big] [--rows N]
 */
import {execFileSync} from "node:child_process";
import {createWriteStream, readFileSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import {hashForQuery} from "../src/components/query-url.js";
import {launchBrowser} from "../scripts/chromium.js";
import {serve} from "../scripts/static-server.js";
import {reportedTime} from "./sql.js";
import {summarize, type Summary} from "./stats.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GROUPS = 100;

/** `rows` rows of id, a group of ~100, a number with two decimals and a British date: about 23 bytes a row. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 0x5eed;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  out.write("id,grp,value,day\r\n");
  let buffer = "";
  for (let i = 0; i < rows; ++i) {
    const day = 1 + Math.floor(random() * 28);
    buffer += `${i},g${String(Math.floor(random() * GROUPS)).padStart(2, "0")},${(random() * 1000).toFixed(2)},${String(day).padStart(2, "0")}/0${1 + (i % 9)}/2016\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.on("finish", () => r()));
}

/** Proportional memory (PSS) of this process's Chromium processes, in MB: the browser, its renderers and their workers. */
function chromiumPssMb(): number {
  const ps = execFileSync("ps", ["-e", "-o", "pid=,ppid="], {encoding: "utf8"});
  const children = new Map<number, number[]>();
  for (const line of ps.trim().split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // A process that ended meanwhile has no memory to count.
    }
  }
  return kb / 1024;
}

async function state(page: Page, attribute: "runs" | "fileLoads"): Promise<number> {
  return page.evaluate((a) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset[a]), attribute);
}

async function runQuery(page: Page, sql: string): Promise<{wallMs: number; reportedMs: number | null; state: string}> {
  const before = await state(page, "runs");
  await page.locator("#sql-input").fill(sql);
  const started = Date.now();
  await page.locator("button.sql-run").click();
  await page.waitForFunction((n) => {
    const root = document.querySelector<HTMLElement>(".sql-workbench")!;
    return Number(root.dataset.runs) > n && root.dataset.state !== "running";
  }, before, {timeout: 120_000});
  const wallMs = Date.now() - started;
  const status = (await page.locator(".sql-status").textContent()) ?? "";
  return {wallMs, reportedMs: reportedTime(status), state: (await page.locator(".sql-workbench").getAttribute("data-state")) ?? ""};
}

interface FileRun {
  rows: number;
  /** Whether the page's CSV reader had started before the file was chosen. */
  settled: boolean;
  bytes: number;
  /** From choosing the file to the table in the schema browser. */
  loadMs: number;
  /** From choosing the file to `SELECT count(*)` answered. */
  firstAnswerMs: number;
  answerRows: number;
  groupByReportedMs: number[];
  groupByWallMs: number[];
  progressSeen: boolean;
  memoryBeforeMb: number;
  memoryAfterMb: number;
  error: string | null;
}

async function measure(browser: Browser, url: string, path: string, rows: number, bytes: number, warm: number, settled: boolean): Promise<FileRun> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  try {
    await page.goto(`${url}explore${hashForQuery("SELECT 1 AS warm")}`);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.runs) > 0, undefined, {timeout: 60_000});
    if (settled) await page.waitForFunction(() => document.querySelector<HTMLElement>(".sql-workbench")?.dataset.csvReader === "ready", undefined, {timeout: 60_000});
    const memoryBeforeMb = chromiumPssMb();
    const loads = await state(page, "fileLoads");
    const started = Date.now();
    await page.locator("#sql-file-input").setInputFiles(path);
    let progressSeen = false;
    while ((await state(page, "fileLoads")) <= loads) {
      progressSeen ||= await page.locator(".sql-file-progress progress").isVisible();
      await page.waitForTimeout(50);
    }
    const loadMs = Date.now() - started;
    const error = (await page.locator(".sql-files [role=alert]").isVisible()) ? await page.locator(".sql-files [role=alert]").textContent() : null;
    const table = "bench_file";
    const first = await runQuery(page, `SELECT count(*) AS n FROM ${table}`);
    const firstAnswerMs = Date.now() - started;
    const answerRows = first.state === "done" ? Number(await page.locator(".sql-result-table tbody td").first().textContent()) : -1;
    const groupByReportedMs: number[] = [];
    const groupByWallMs: number[] = [];
    for (let i = 0; i <= warm; ++i) {
      const run = await runQuery(page, `SELECT grp, count(*) AS n, avg(value) AS mean, max(day) AS last_day FROM ${table} GROUP BY grp ORDER BY grp`);
      if (i === 0) continue; // the first GROUP BY warms DuckDB up
      if (run.reportedMs !== null) groupByReportedMs.push(run.reportedMs);
      groupByWallMs.push(run.wallMs);
    }
    return {rows, settled, bytes, loadMs, firstAnswerMs, answerRows, groupByReportedMs, groupByWallMs, progressSeen, memoryBeforeMb, memoryAfterMb: chromiumPssMb(), error};
  } finally {
    await context.close();
  }
}

function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option("--runs") ?? 3);
const sizes = [Number(option("--rows") ?? 250_000), ...(process.argv.includes("--big") ? [10_000_000] : [])];
const dir = await mkdtemp(join(tmpdir(), "bench-files-"));
const server = await serve(join(projectRoot, "dist"));
const browser = await launchBrowser();
const results: {rows: number; settled: boolean; bytes: number; runs: FileRun[]; firstAnswer: Summary; groupByReported: Summary | null}[] = [];
try {
  for (const rows of sizes) {
    const path = join(dir, "bench_file.csv");
    await writeCsv(path, rows);
    const bytes = (await readFile(path)).byteLength;
    for (const settled of rows > 1e6 ? [true] : [true, false]) {
    const measured: FileRun[] = [];
    for (let i = 0; i < (rows > 1e6 ? 1 : runs); ++i) {
      const run = await measure(browser, server.url, path, rows, bytes, rows > 1e6 ? 3 : 10, settled);
      measured.push(run);
      console.log(`${rows} rows, ${settled ? "settled" : "at once"}: loaded in ${run.loadMs} ms, first answer ${run.firstAnswerMs} ms (${run.answerRows} rows), GROUP BY ${run.groupByReportedMs.join("/")} ms reported, progress ${run.progressSeen}, memory ${run.memoryBeforeMb.toFixed(0)} → ${run.memoryAfterMb.toFixed(0)} MB${run.error ? `, error: ${run.error}` : ""}`);
    }
    const reported = measured.flatMap((r) => r.groupByReportedMs);
    results.push({rows, settled, bytes, runs: measured, firstAnswer: summarize(measured.map((r) => r.firstAnswerMs)), groupByReported: reported.length ? summarize(reported) : null});
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, {recursive: true, force: true});
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const lines = [
  "# Analysts' files: benchmark results",
  "",
  `Measured ${new Date().toISOString()} with \`tsx bench/files.ts\` in headless Chromium against dist/.`,
  "",
  "| rows | file chosen | CSV size | opened and first query answered (median, min–max) | GROUP BY warm, DuckDB's time (median, max) | progress bar shown | browser memory before → after |",
  "|---|---|---|---|---|---|---|",
  ...results.map((r) => {
    const last = r.runs[r.runs.length - 1];
    return `| ${r.rows.toLocaleString("en-GB")} | ${r.settled ? "page settled" : "at once"} | ${mb(r.bytes)} | ${(r.firstAnswer.median / 1000).toFixed(2)} s (${(r.firstAnswer.min / 1000).toFixed(2)}–${(r.firstAnswer.max / 1000).toFixed(2)} s) | ${r.groupByReported ? `${r.groupByReported.median.toFixed(0)} ms (max ${r.groupByReported.max.toFixed(0)} ms)` : "–"} | ${r.runs.every((x) => x.progressSeen) ? "yes" : "no"} | ${last.memoryBeforeMb.toFixed(0)} → ${last.memoryAfterMb.toFixed(0)} MB |`;
  }),
  ""
];
await mkdir(join(projectRoot, "bench", "results"), {recursive: true});
await writeFile(join(projectRoot, "bench", "results", "files.json"), JSON.stringify(results, null, 2) + "\n");
await writeFile(join(projectRoot, "bench", "results", "files.md"), lines.join("\n"));
console.log(lines.join("\n"));
