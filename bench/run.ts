/**
 * The performance benchmark (`npm run bench`; not part of `npm test`): builds
 * the site in a private copy of the project, serves it on 127.0.0.1, measures
 * it in headless Chromium, and writes bench/results/latest.{json,md} and
 * docs/performance.md. docs/performance.md explains the method.
 *
 *   tsx bench/run.ts [--runs N] [--warm-queries N] [--engine-repeats N] [--build-runs N] [--sizes 1e4,1e5]
 *                    [--only build,pages,sql,engines] [--site DIR] [--keep] [--compare FILE]
 *   tsx bench/run.ts --report     rewrite the Markdown from bench/results/latest.json
 */
import {mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {performance} from "node:perf_hooks";
import {launchBrowser} from "../scripts/chromium.js";
import {pagesOf, serve} from "../scripts/static-server.js";
import type {Site} from "./browser.js";
import {benchBuild, copyProject, type ProjectCopy} from "./build.js";
import {judge} from "./budgets.js";
import {composition, embedCharts, npmImporters, plotSubset} from "./causes.js";
import {benchEngines, crossover, ENGINE_PAGE, enginePage, findEngineModules} from "./engines.js";
import {describeMachine, describeRevision, watchCpu} from "./machine.js";
import {benchPages} from "./pages.js";
import {missedSection, performanceDoc, resultsMarkdown} from "./report.js";
import {PARTS, pageGroup, type Options, type Part, type PreviousRun, type Results} from "./results.js";
import {benchSql, FACT_BASE_QUERY} from "./sql.js";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(projectRoot, "bench", "results");
const docPath = join(projectRoot, "docs", "performance.md");

function option(argv: string[], flag: string, env: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  return process.env[env];
}

function positiveInteger(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number, got '${value}'`);
  return n;
}

export function parseOptions(argv: string[]): Options & {site: string | null; keep: boolean} {
  const sizes = (option(argv, "--sizes", "BENCH_SIZES") ?? "1e4,1e5,1e6,1e7").split(",").map((s) => Number(s.trim()));
  for (const size of sizes) if (!Number.isInteger(size) || size <= 0) throw new Error(`--sizes: not a row count: ${size}`);
  const only = option(argv, "--only", "BENCH_ONLY");
  const parts = only ? (only.split(",").map((p) => p.trim()) as Part[]) : [...PARTS];
  for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only: unknown part '${part}' (parts: ${PARTS.join(", ")})`);
  const site = option(argv, "--site", "BENCH_SITE");
  const runs = positiveInteger(option(argv, "--runs", "BENCH_RUNS"), 5, "--runs");
  if (runs < 1) throw new Error("--runs must be at least 1");
  return {
    runs,
    warmQueries: positiveInteger(option(argv, "--warm-queries", "BENCH_WARM_QUERIES"), 10, "--warm-queries"),
    engineRepeats: Math.max(1, positiveInteger(option(argv, "--engine-repeats", "BENCH_ENGINE_REPEATS"), 10, "--engine-repeats")),
    buildRuns: positiveInteger(option(argv, "--build-runs", "BENCH_BUILD_RUNS"), 3, "--build-runs"),
    engineTimeoutMs: 1000 * positiveInteger(option(argv, "--engine-timeout", "BENCH_ENGINE_TIMEOUT"), 180, "--engine-timeout"),
    sizes,
    parts: site ? parts.filter((p) => p !== "build") : parts,
    site: site ? resolve(site) : null,
    keep: argv.includes("--keep")
  };
}

const began = performance.now();
function log(message: string): void {
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

/** Writes beside the target and renames, so a reader never sees half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

async function writeReports(results: Results, complete: boolean): Promise<void> {
  const verdicts = judge(results);
  await writeAtomically(join(resultsDir, "latest.json"), JSON.stringify({...results, budgets: verdicts}, null, 2) + "\n");
  await writeAtomically(join(resultsDir, "latest.md"), `# Benchmark results\n\n${resultsMarkdown(results, verdicts)}\n`);
  if (complete) await writeAtomically(docPath, performanceDoc(results, verdicts));
  log(`wrote bench/results/latest.json and latest.md${complete ? " and docs/performance.md" : " (a partial run: docs/performance.md left as it was)"}`);
  for (const v of verdicts) log(`${v.met === null ? "not measured" : v.met ? "met    " : "NOT MET"}  ${v.budget}: ${v.measured}`);
}

/** --report: writes the Markdown again from bench/results/latest.json, measuring nothing (after a change to report.ts). */
async function rewriteReports(): Promise<void> {
  const {budgets: _, ...results} = JSON.parse(await readFile(join(resultsDir, "latest.json"), "utf8")) as Results & {budgets: unknown};
  const compare = option(process.argv.slice(2), "--compare", "BENCH_COMPARE");
  if (compare) results.previous = await previousRun(resolve(compare));
  await writeReports(results, PARTS.every((part) => results.options.parts.includes(part)));
}

/** The budgets of an earlier run's latest.json, to compare with; null if there is none. */
async function previousRun(file: string): Promise<PreviousRun | null> {
  try {
    const earlier = JSON.parse(await readFile(file, "utf8")) as Results & {budgets?: PreviousRun["budgets"]};
    if (!earlier.budgets) return null;
    const missedAny = earlier.budgets.some((b) => b.met === false);
    return {
      startedAt: earlier.startedAt,
      commit: earlier.revision?.commit ?? null,
      budgets: earlier.budgets,
      missed: missedAny ? missedSection({...earlier, previous: null}, earlier.budgets) : null
    };
  } catch {
    return null;
  }
}

type RunOptions = ReturnType<typeof parseOptions>;

/** Builds (unless given a site), serves and measures; the copy is the caller's to remove. */
async function measure(options: RunOptions, copy: ProjectCopy | null, previous: PreviousRun | null): Promise<Results> {
  const {site: givenSite, keep: _, ...recorded} = options;
  const startedAt = new Date().toISOString();
  const revision = describeRevision(projectRoot);
  const wants = (part: Part) => options.parts.includes(part);
  const cpu = watchCpu();

  let build: Results["build"] = null;
  if (copy) {
    cpu.part("build");
    // The build part times the builds; without it the copy is still built once, to have a site to measure.
    build = await benchBuild(copy, wants("build") ? options.buildRuns : 0, log);
    if (!wants("build")) build = null;
  }
  const siteDir = copy?.site ?? givenSite!;

  const modules = findEngineModules(siteDir);
  const server = await serve(siteDir, {extra: {[ENGINE_PAGE]: enginePage(modules)}});
  const site: Site = {dir: siteDir, origin: server.origin, url: server.url};
  const browser = await launchBrowser();
  const {version: playwrightVersion} = JSON.parse(await readFile(join(projectRoot, "node_modules", "playwright-core", "package.json"), "utf8"));
  try {
    const machine = describeMachine(browser, playwrightVersion);
    const paths = await pagesOf(siteDir);
    log(`serving ${siteDir} at ${site.url}: ${paths.length} pages; Chromium ${machine.chromium}`);

    cpu.part("pages");
    const pages = wants("pages") ? await benchPages(browser, site, paths, options.runs, log) : null;
    cpu.part("sql");
    const sql = wants("sql") ? {query: FACT_BASE_QUERY, runs: await benchSql(browser, site, options.runs, options.warmQueries, log)} : null;
    let engines: Results["engines"] = null;
    cpu.part("engines");
    if (wants("engines")) {
      const sizes = await benchEngines(browser, site, options.sizes, options.engineRepeats, options.engineTimeoutMs, log);
      engines = {
        modules,
        sizes,
        crossover: {
          query: crossover(sizes, (run) => run.query.median, "median query time on loaded data"),
          firstAnswer: crossover(sizes, (run) => run.startMs + run.loadMs + run.firstQueryMs, "engine start + load + first query")
        }
      };
    }
    const cpuByPart = cpu.stop();
    for (const part of PARTS) if (!wants(part)) delete cpuByPart[part];

    const projectDir = copy?.dir ?? projectRoot;
    const heaviest = (group: string) => pages?.filter((p) => pageGroup(p.path) === group).sort((a, b) => (b.runs[0]?.bytes.js ?? 0) - (a.runs[0]?.bytes.js ?? 0))[0];
    const causes: Results["causes"] = pages
      ? {
          compositions: pages.map(composition),
          plotSubset: await plotSubset(projectDir),
          embedCharts: embedCharts(projectDir, heaviest("embed")),
          npmImporters: npmImporters(projectDir)
        }
      : null;
    return {startedAt, durationMs: 0, options: recorded, machine, revision, build, pages, sql, engines, cpu: cpuByPart, previous, causes};
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--report")) return rewriteReports();
  const options = parseOptions(argv);
  const previous = await previousRun(resolve(option(argv, "--compare", "BENCH_COMPARE") ?? join(resultsDir, "latest.json")));
  const copy = options.site ? null : await copyProject(projectRoot);
  try {
    const results = await measure(options, copy, previous);
    results.durationMs = performance.now() - began;
    await writeReports(results, PARTS.every((part) => options.parts.includes(part)) && !options.site);
  } finally {
    if (copy && !options.keep) await rm(dirname(copy.dir), {recursive: true, force: true});
    else if (copy) log(`kept the copy in ${dirname(copy.dir)}`);
  }
}

await main();
