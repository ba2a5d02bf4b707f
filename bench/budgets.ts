/**
 * The budgets (issues 8, 13 and 14), judged on the measurements: times on the
 * median of the runs, a per-page budget on every page. A budget whose
 * measurement is missing is "not measured" (null), never met.
 */
import {at} from "../src/lib/story/checked-lookups.js";
import {BUDGET_ROWS} from "./files.js";
import {EMBED_GZIP_BUDGET} from "../scripts/export/embed-weight.js";
import {kb, ms, shift, spread} from "./format.js";
import type {PageResult} from "./pages.js";
import type {Results} from "./results.js";
import {median, summarize, type Summary} from "./stats.js";

export const AREAS = ["Story pages", "Embeds", "SQL page", "Analysts' files", "Build"] as const;

export interface Verdict {
  area: (typeof AREAS)[number];
  budget: string;
  measured: string;
  pass: boolean | null;
}

export interface PageSummary {
  path: string;
  shiftPhone: number;
  shiftDesktop: number;
  firstChartMs: number | null;
  firstPaintMs: number | null;
  jsBytes: number;
  bytes: number;
  gzipBytes: number;
  chartsWithJs: number;
  chartsWithoutJs: number;
  duckdb: boolean;
  problems: string[];
  /** Lighthouse: mobile performance, its total blocking time and accessibility; desktop performance. */
  lighthouse: {mobile: number | null; blockingMs: number | null; accessibility: number | null; desktop: number | null};
}

const medianOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
};

export function summarizePage(page: PageResult, lighthouse: Results["lighthouse"]): PageSummary {
  const {runs} = page;
  const lighthouseRuns = Array.isArray(lighthouse) ? lighthouse.filter((l) => l.path === page.path) : [];
  const mobile = lighthouseRuns.filter((l) => l.preset === "mobile");
  return {
    path: page.path,
    shiftPhone: median(runs.map((r) => r.layoutShiftPhone)),
    shiftDesktop: median(runs.map((r) => r.layoutShiftDesktop)),
    firstChartMs: medianOf(runs.map((r) => r.firstChartMs)),
    firstPaintMs: medianOf(runs.map((r) => r.firstPaintMs)),
    jsBytes: median(runs.map((r) => r.jsBytes)),
    bytes: median(runs.map((r) => r.bytes)),
    gzipBytes: median(runs.map((r) => r.gzipBytes)),
    chartsWithJs: page.chartsWithJs,
    chartsWithoutJs: page.chartsWithoutJs,
    duckdb: runs.some((r) => r.duckdb.length > 0),
    problems: [...new Set(runs.flatMap((r) => r.problems))],
    lighthouse: {
      mobile: medianOf(mobile.map((l) => l.performance)),
      blockingMs: medianOf(mobile.map((l) => l.totalBlockingTimeMs)),
      accessibility: medianOf(mobile.map((l) => l.accessibility)),
      desktop: medianOf(lighthouseRuns.filter((l) => l.preset === "desktop").map((l) => l.performance))
    }
  };
}

const score = (v: number) => v.toFixed(2);

/** Lighthouse's budgets for a story page (issue 19), each read from the page's summary. */
export const LIGHTHOUSE_BUDGETS: {budget: string; value: (p: PageSummary) => number | null; within: (v: number) => boolean; show: (v: number) => string; worstIsHighest: boolean}[] = [
  {budget: "Lighthouse mobile performance ≥ 0.97", value: (p) => p.lighthouse.mobile, within: (v) => v >= 0.97, show: score, worstIsHighest: false},
  {budget: "Lighthouse mobile total blocking time ≤ 100 ms", value: (p) => p.lighthouse.blockingMs, within: (v) => v <= 100, show: ms, worstIsHighest: true},
  {budget: "Lighthouse accessibility 1.00", value: (p) => p.lighthouse.accessibility, within: (v) => v >= 1, show: score, worstIsHighest: false},
  {budget: "Lighthouse desktop performance 1.00", value: (p) => p.lighthouse.desktop, within: (v) => v >= 1, show: score, worstIsHighest: false}
];

export const isEmbed = (path: string) => path.startsWith("/embed/");

/** A budget every page must meet: the worst page, and how many are within. */
function everyPage(pages: PageSummary[], value: (p: PageSummary) => number | null, within: (v: number) => boolean, show: (v: number) => string, worstIsHighest = true): Omit<Verdict, "area" | "budget"> {
  const measured = pages.map((p) => ({path: p.path, v: value(p)})).filter((m): m is {path: string; v: number} => m.v !== null);
  if (!measured.length) return {measured: "not measured", pass: null};
  const worst = measured.reduce((a, b) => ((worstIsHighest ? b.v > a.v : b.v < a.v) ? b : a));
  const ok = measured.filter((m) => within(m.v)).length;
  return {measured: `${ok} of ${measured.length} pages within; worst ${show(worst.v)} (${worst.path})`, pass: ok === measured.length};
}

function pageBudgets(area: Verdict["area"], pages: PageSummary[], withLighthouse: Results["lighthouse"]): Verdict[] {
  const verdicts: Omit<Verdict, "area">[] = [
    {budget: "Layout shift at 412 px ≤ 0.02", ...everyPage(pages, (p) => p.shiftPhone, (v) => v <= 0.02, shift)},
    {budget: "Layout shift at 1,280 px ≤ 0.02", ...everyPage(pages, (p) => p.shiftDesktop, (v) => v <= 0.02, shift)},
    {
      budget: "Every chart visible with JavaScript off",
      ...everyPage(pages, (p) => p.chartsWithJs - p.chartsWithoutJs, (v) => v <= 0, (v) => `${v} chart(s) missing`),
      measured: `${pages.reduce((n, p) => n + p.chartsWithoutJs, 0)} of ${pages.reduce((n, p) => n + p.chartsWithJs, 0)} charts on ${pages.length} pages`
    },
    {
      budget: "First chart in place by the first contentful paint",
      ...everyPage(pages, (p) => (p.firstChartMs === null || p.firstPaintMs === null ? null : p.firstChartMs - p.firstPaintMs), (v) => v <= 0, (v) => `${ms(v)} after it`),
      measured: `${pages.filter((p) => p.firstChartMs !== null && p.firstPaintMs !== null && p.firstChartMs <= p.firstPaintMs).length} of ${pages.filter((p) => p.firstChartMs !== null).length} pages; slowest first chart ${ms(Math.max(...pages.map((p) => p.firstChartMs ?? 0)))}`
    },
    {
      budget: "Never requests DuckDB-WASM",
      measured: pages.some((p) => p.duckdb) ? `requested on ${pages.filter((p) => p.duckdb).map((p) => p.path).join(", ")}` : `not requested by any of ${pages.length} pages`,
      pass: pages.length ? !pages.some((p) => p.duckdb) : null
    }
  ];
  if (area === "Story pages") {
    verdicts.push({budget: "JavaScript transferred ≤ 400 KB", ...everyPage(pages, (p) => p.jsBytes, (v) => v <= 400_000, kb)});
    for (const {budget, value, within, show, worstIsHighest} of LIGHTHOUSE_BUDGETS) {
      verdicts.push(typeof withLighthouse === "string" ? {budget, measured: withLighthouse, pass: null} : {budget, ...everyPage(pages, value, within, show, worstIsHighest)});
    }
  } else {
    verdicts.push({budget: "Everything transferred ≤ 40 KB gzip-compressed", ...everyPage(pages, (p) => p.gzipBytes, (v) => v <= EMBED_GZIP_BUDGET, kb)});
  }
  return verdicts.map((v) => ({area, ...v}));
}

const within = (s: Summary | null, limit: number) => (s ? s.median <= limit : null);
const summary = (values: number[]) => (values.length ? summarize(values) : null);

export function judge(results: Results): Verdict[] {
  const pages = (results.pages ?? []).map((p) => summarizePage(p, results.lighthouse));
  const verdicts: Verdict[] = [];
  if (results.pages) {
    verdicts.push(...pageBudgets("Story pages", pages.filter((p) => !isEmbed(p.path)), results.lighthouse));
    verdicts.push(...pageBudgets("Embeds", pages.filter((p) => isEmbed(p.path)), null));
  }
  if (results.sql) {
    const first = summary(results.sql.map((r) => r.firstResultMs).filter((t): t is number => t !== null));
    const failed = results.sql.filter((r) => r.firstResultMs === null).length;
    const warm = summary(results.sql.flatMap((r) => r.warmMs));
    verdicts.push({area: "SQL page", budget: "First result, cold, ≤ 3 s", measured: first ? spread(first) + (failed ? `; ${failed} run(s) failed` : "") : "failed", pass: failed ? false : within(first, 3000)});
    verdicts.push({area: "SQL page", budget: "Warm query on the fact base ≤ 50 ms", measured: warm ? `${spread(warm)} over ${warm.n} queries` : "not measured", pass: within(warm, 50)});
  }
  const mb = (n: number) => `${Math.round(n).toLocaleString("en-GB")} MB`;
  // What a file costs is its growth over the page's memory once settled with nothing chosen. Chosen
  // at once, the page's own start (its DuckDB and tables, the CSV reader it warms) is still to come
  // when the file is chosen, and counted from that moment would be charged to the file.
  const settledPage = (results.files ?? []).filter((r) => r.rows === BUDGET_ROWS && r.settled).map((r) => r.memoryBeforeMb);
  const settledBaseline = settledPage.length ? median(settledPage) : null;
  for (const [settled, when] of [[true, "page settled"], [false, "chosen at once"]] as const) {
    const runs = (results.files ?? []).filter((r) => r.rows === BUDGET_ROWS && r.settled === settled);
    if (!runs.length) continue;
    const first = summary(runs.map((r) => r.firstAnswerMs ?? Infinity).filter(Number.isFinite));
    const groupBy = summary(runs.flatMap((r) => r.groupByMs));
    const failed = runs.filter((r) => r.firstAnswerMs === null).length;
    const fileMb = at(runs, 0, "runs").fileBytes / 2 ** 20;
    const grown = summary(runs.map((r) => r.memoryAfterMb - (settled || settledBaseline === null ? r.memoryBeforeMb : settledBaseline)));
    const nextVisit = summary(runs.map((r) => r.nextVisitMs ?? Infinity).filter(Number.isFinite));
    const label = `10⁶-row CSV, ${mb(fileMb)} (${when})`;
    verdicts.push({area: "Analysts' files", budget: `${label}: first answer ≤ 8 s`, measured: first ? spread(first) + (failed ? `; ${failed} failed` : "") : "failed", pass: failed ? false : within(first, 8000)});
    verdicts.push({area: "Analysts' files", budget: `${label}: browser memory grows ≤ 3 × the file, over the settled page's`, measured: grown ? `${mb(grown.median)} (${(grown.median / fileMb).toFixed(1)} ×)` : "not measured", pass: within(grown, 3 * fileMb)});
    verdicts.push({area: "Analysts' files", budget: `${label}: next visit, file stored, the notebook's tables answer ≤ 3 s`, measured: nextVisit ? spread(nextVisit) : "failed", pass: within(nextVisit, 3000)});
    const moved = summary(runs.map((r) => r.progressFirstMs ?? Infinity).filter(Number.isFinite));
    const still = summary(runs.map((r) => r.progressStillMs ?? Infinity).filter(Number.isFinite));
    verdicts.push({
      area: "Analysts' files",
      budget: `${label}: the progress bar moves within 1 s of choosing the file`,
      measured: moved ? `${spread(moved)}; longest still ${still ? ms(still.median) : "–"} (median)` : "never moved",
      pass: moved ? within(moved, 1000) : false
    });
    verdicts.push({area: "Analysts' files", budget: `${label}: warm GROUP BY ≤ 200 ms (DuckDB's time)`, measured: groupBy ? `${spread(groupBy)} over ${groupBy.n}` : "not measured", pass: within(groupBy, 200)});
  }
  for (const run of (results.files ?? []).filter((r) => r.rows !== BUDGET_ROWS)) {
    verdicts.push({
      area: "Analysts' files",
      budget: `Scaling: ${run.rows.toLocaleString("en-GB")}-row CSV (${mb(run.fileBytes / 2 ** 20)}), recorded`,
      measured: run.firstAnswerMs === null ? "failed" : `first answer ${ms(run.firstAnswerMs)}; GROUP BY ${ms(median(run.groupByMs))}; browser memory ${mb(run.memoryBeforeMb)} → ${mb(run.memoryAfterMb)}; next visit ${run.nextVisitMs === null ? "failed" : ms(run.nextVisitMs)}`,
      pass: run.firstAnswerMs !== null ? null : false
    });
  }
  if (results.build) {
    const warm = summary(results.build.warmMs);
    verdicts.push({area: "Build", budget: "Warm rebuild, nothing changed, ≤ 15 s", measured: warm ? `${spread(warm)} over ${warm.n}` : "not measured", pass: within(warm, 15_000)});
    verdicts.push({area: "Build", budget: "Cold build (recorded, no budget)", measured: ms(results.build.coldMs), pass: null});
  }
  return verdicts;
}
