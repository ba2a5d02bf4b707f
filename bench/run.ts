/**
 * The performance benchmark (`npm run bench`; not part of `npm test`): builds
 * the site in a private copy of the project, serves it on 127.0.0.1, measures
 * it in headless Chromium (and Lighthouse, if installed), and writes
 * bench/results/latest.json and docs/performance.md.
 *
 *   tsx bench/run.ts [--runs N] [--warm-queries N] [--build-runs N] [--quick] [--only pages,sql,…] [--site DIR]
 *   tsx bench/run.ts --report      rewrite docs/performance.md from bench/results/latest.json
 *
 * --quick skips the 10⁷-row file; --site measures an existing export instead
 * of building. A partial run (--only, --site) leaves docs/performance.md as it was.
 */
import {readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {performance} from "node:perf_hooks";
import {launchBrowser} from "../scripts/export/chromium.js";
import {pagesOf, serve} from "../scripts/export/static-server.js";
import {benchBuild, copyProject} from "./build.js";
import {isEmbed, judge} from "./budgets.js";
import {benchFiles} from "./files.js";
import {benchLighthouse, lighthouseCli} from "./lighthouse.js";
import {describeMachine, watchLoad} from "./machine.js";
import {benchPages} from "./pages.js";
import {performanceDoc} from "./report.js";
import {PARTS, type Options, type Part, type Results} from "./results.js";
import {benchSql} from "./sql.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const latestJson = join(projectRoot, "bench", "results", "latest.json");
const docPath = join(projectRoot, "docs", "performance.md");

const began = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

function parseOptions(argv: string[]): Options & {site: string | null} {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const count = (flag: string, fallback: number) => {
    const n = Number(value(flag) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1`);
    return n;
  };
  const parts = (value("--only")?.split(",") ?? [...PARTS]) as Part[];
  for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only: unknown part '${part}' (parts: ${PARTS.join(", ")})`);
  const site = value("--site");
  return {
    runs: count("--runs", 3),
    warmQueries: count("--warm-queries", 10),
    buildRuns: count("--build-runs", 3),
    quick: argv.includes("--quick"),
    parts: site ? parts.filter((p) => p !== "build") : parts,
    site: site ? resolve(site) : null
  };
}

async function writeReport(results: Results, complete: boolean): Promise<void> {
  const verdicts = judge(results);
  await writeFile(latestJson, JSON.stringify(results, null, 1) + "\n");
  if (complete) await writeFile(docPath, performanceDoc(results, verdicts));
  log(`wrote bench/results/latest.json${complete ? " and docs/performance.md" : " (a partial run: docs/performance.md left as it was)"}`);
  for (const v of verdicts) log(`${v.pass === null ? "  –  " : v.pass ? "pass " : "FAIL "} ${v.area}: ${v.budget}: ${v.measured}`);
}

async function measure({site: givenSite, ...options}: ReturnType<typeof parseOptions>): Promise<Results> {
  const wants = (part: Part) => options.parts.includes(part);
  const load = watchLoad();
  const startedAt = new Date().toISOString();
  load.part("build");
  const copy = givenSite ? null : await copyProject(projectRoot);
  try {
    const build = copy ? await benchBuild(copy, wants("build") ? options.buildRuns : 0, log) : null;
    const siteDir = copy?.site ?? givenSite!;
    const server = await serve(siteDir);
    const site = {dir: siteDir, url: server.url};
    const browser = await launchBrowser();
    try {
      const paths = (await pagesOf(siteDir)).filter((p) => p !== "/explore");
      const storyPaths = paths.filter((p) => !isEmbed(p));
      log(`serving ${siteDir} at ${site.url}: ${paths.length} story and embed pages`);
      load.part("pages");
      const pages = wants("pages") ? await benchPages(browser, site, paths, options.runs, log) : null;
      load.part("lighthouse");
      const cli = lighthouseCli(projectRoot);
      // Lighthouse charges simulated slow 4G for the bytes it sees, so it gets the site as a static host sends it: text gzip-compressed.
      const compressed = wants("lighthouse") && cli ? await serve(siteDir, {gzip: true}) : null;
      const lighthouse = !wants("lighthouse") ? null : cli ? await benchLighthouse(cli, compressed!.url, storyPaths, log).finally(() => compressed!.close()) : "not available: lighthouse is not installed";
      load.part("sql");
      const sql = wants("sql") ? await benchSql(browser, site, options.runs, options.warmQueries, log) : null;
      load.part("files");
      const files = wants("files") ? await benchFiles(browser, site, options.runs, !options.quick, log) : null;
      const machine = describeMachine(browser.version(), projectRoot);
      return {startedAt, durationMs: 0, options, machine, load: load.stop(), build: wants("build") ? build : null, pages, lighthouse, sql, files};
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    if (copy) await rm(copy.base, {recursive: true, force: true});
  }
}

const argv = process.argv.slice(2);
if (argv.includes("--report")) {
  const results = JSON.parse(await readFile(latestJson, "utf8")) as Results;
  await writeFile(docPath, performanceDoc(results, judge(results)));
  log("rewrote docs/performance.md");
} else {
  const options = parseOptions(argv);
  const results = await measure(options);
  results.durationMs = performance.now() - began;
  await writeReport(results, PARTS.every((p) => options.parts.includes(p)) && !options.site);
}
