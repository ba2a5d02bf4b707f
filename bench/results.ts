/**
 * The shape of bench/results/latest.json, and the per-page summaries the
 * report and the budgets are computed from.
 */
import type {BudgetVerdict} from "./budgets.js";
import type {BuildResults} from "./build.js";
import type {Crossover, EngineModules, SizeResult} from "./engines.js";
import type {CpuShare, Machine, Revision} from "./machine.js";
import {KINDS, type BytesByKind} from "./network.js";
import type {PageResult} from "./pages.js";
import type {SqlRun} from "./sql.js";
import {median, summarize, type Summary} from "./stats.js";

export interface Options {
  /** Cold page loads per page, and cold SQL page loads. */
  runs: number;
  /** Warm queries per SQL page load. */
  warmQueries: number;
  /** Timed repeats of the aggregate per engine and size (after one warm-up). */
  engineRepeats: number;
  sizes: number[];
  /** Warm rebuilds after the one cold build. */
  buildRuns: number;
  engineTimeoutMs: number;
  parts: Part[];
}

export const PARTS = ["build", "pages", "sql", "engines"] as const;
export type Part = (typeof PARTS)[number];

export interface Results {
  startedAt: string;
  durationMs: number;
  options: Options;
  machine: Machine;
  revision: Revision;
  build: BuildResults | null;
  pages: PageResult[] | null;
  sql: {query: string; runs: SqlRun[]} | null;
  engines: {modules: EngineModules; sizes: SizeResult[]; crossover: {query: Crossover; firstAnswer: Crossover}} | null;
  /** How the machine's CPU was shared between the bench and other work during each part. */
  cpu: Record<string, CpuShare> | null;
  /** The run this one is compared with (the previous bench/results/latest.json, or --compare FILE). */
  previous: PreviousRun | null;
  /** Evidence gathered for budgets that were missed (see causes.ts). */
  causes: import("./causes.js").Causes | null;
}

export interface PreviousRun {
  startedAt: string;
  commit: string | null;
  budgets: BudgetVerdict[];
  /** That run's "Budgets missed and why", written from its own results; null if it missed none. */
  missed: string | null;
}

export type PageGroup = "story" | "embed" | "sql";

export function pageGroup(path: string): PageGroup {
  if (path.startsWith("/embed/")) return "embed";
  if (path === "/explore") return "sql";
  return "story";
}

export interface PageSummary {
  path: string;
  group: PageGroup;
  /** Medians over the runs, per kind. */
  bytes: BytesByKind;
  gzipBytes: BytesByKind;
  totalBytes: number;
  totalGzipBytes: number;
  requests: Summary;
  /** null when no run drew a chart. */
  firstChart: Summary | null;
  runs: number;
  /** Runs in which the page asked for a DuckDB-WASM file. */
  duckdbRuns: number;
  duckdbFiles: string[];
  /** Failed requests, console errors and requests off the machine, in any run. */
  problems: string[];
}

function medianByKind(runs: BytesByKind[]): BytesByKind {
  return Object.fromEntries(KINDS.map((kind) => [kind, median(runs.map((r) => r[kind]))])) as BytesByKind;
}

const total = (bytes: BytesByKind) => KINDS.reduce((sum, kind) => sum + bytes[kind], 0);

export function summarizePage({path, runs}: PageResult): PageSummary {
  const bytes = medianByKind(runs.map((r) => r.bytes));
  const gzipBytes = medianByKind(runs.map((r) => r.gzipBytes));
  const charts = runs.map((r) => r.firstChartMs).filter((t): t is number => t !== null);
  const problems = new Set<string>();
  for (const run of runs) {
    for (const failed of run.failed) problems.add(`failed request: ${failed}`);
    for (const error of run.consoleErrors) problems.add(`console error: ${error}`);
    for (const url of run.offHost) problems.add(`request off this machine: ${url}`);
  }
  if (charts.length > 0 && charts.length < runs.length) problems.add(`a chart was drawn in only ${charts.length} of ${runs.length} runs`);
  return {
    path,
    group: pageGroup(path),
    bytes,
    gzipBytes,
    totalBytes: total(bytes),
    totalGzipBytes: total(gzipBytes),
    requests: summarize(runs.map((r) => r.requests)),
    firstChart: charts.length ? summarize(charts) : null,
    runs: runs.length,
    duckdbRuns: runs.filter((r) => r.duckdbFiles.length > 0).length,
    duckdbFiles: [...new Set(runs.flatMap((r) => r.duckdbFiles))],
    problems: [...problems]
  };
}

export interface SqlSummary {
  firstResult: Summary | null;
  /** Cold runs whose first query did not finish with a result. */
  failedRuns: number;
  startup: Summary | null;
  /** Every warm query of every run: timed in the page, and as the page reports it. */
  warm: Summary | null;
  warmReported: Summary | null;
  warmFailed: number;
}

export function summarizeSql(runs: SqlRun[]): SqlSummary {
  const firsts = runs.map((r) => r.firstResultMs).filter((t): t is number => t !== null);
  const startups = runs.map((r) => r.startupMs).filter((t): t is number => t !== null);
  const warm = runs.flatMap((r) => r.warm);
  const done = warm.filter((q) => q.state === "done");
  const reported = done.map((q) => q.reportedMs).filter((t): t is number => t !== null);
  return {
    firstResult: firsts.length ? summarize(firsts) : null,
    failedRuns: runs.length - firsts.length,
    startup: startups.length ? summarize(startups) : null,
    warm: done.length ? summarize(done.map((q) => q.ms)) : null,
    warmReported: reported.length ? summarize(reported) : null,
    warmFailed: warm.length - done.length
  };
}

export function buildSummary(build: BuildResults): {cold: number; warm: Summary | null} {
  return {cold: build.cold.ms, warm: build.warm.length ? summarize(build.warm.map((r) => r.ms)) : null};
}
