/** docs/performance.md, written from one run's results: a table of verdicts per area, then the per-page figures. */
import {AREAS, LIGHTHOUSE_BUDGETS, isEmbed, summarizePage, type PageSummary, type Verdict} from "./budgets.js";
import {kb, ms, shift, table} from "./format.js";
import type {Results} from "./results.js";
import {DUCKDB_EVALUATION} from "./duckdb-evaluation.js";

const verdict = (pass: boolean | null) => (pass === null ? "–" : pass ? "pass" : "**fail**");

function machineLine({machine, load, startedAt, durationMs, options}: Results): string {
  const loads = Object.entries(load).map(([part, value]) => `${part} ${value}`).join(", ");
  return (
    `Run of ${startedAt.slice(0, 16).replace("T", " ")} UTC on commit \`${machine.commit ?? "unknown"}\`, ${Math.round(durationMs / 60_000)} min: ` +
    `${machine.cpu}, ${machine.cores} cores shared with other work, ${machine.memoryGiB} GiB, Node ${machine.node}, headless Chromium ${machine.chromium}. ` +
    `Median 1-minute load average per part (the bench's own work included): ${loads}. ` +
    `Medians of ${options.runs} cold loads per page and viewport, ${options.runs} SQL page loads × ${options.warmQueries} warm queries, ${options.buildRuns} warm rebuilds.`
  );
}

function pageTable(pages: PageSummary[], story: boolean): string {
  const mark = (ok: boolean) => (ok ? "" : " ✗");
  return table(
    ["Page", "Shift 412 px", "Shift 1,280 px", "Charts without JS", "First chart", "First paint", story ? "JS" : "gzip, all", ...(story ? ["Lighthouse mobile", "Blocking", "Accessibility", "Desktop"] : [])],
    pages.map((p) => [
      p.path,
      shift(p.shiftPhone) + mark(p.shiftPhone <= 0.02),
      shift(p.shiftDesktop) + mark(p.shiftDesktop <= 0.02),
      `${p.chartsWithoutJs} of ${p.chartsWithJs}` + mark(p.chartsWithoutJs >= p.chartsWithJs),
      p.firstChartMs === null ? "no chart" : ms(p.firstChartMs) + mark(p.firstPaintMs !== null && p.firstChartMs <= p.firstPaintMs),
      p.firstPaintMs === null ? "–" : ms(p.firstPaintMs),
      story ? kb(p.jsBytes) + mark(p.jsBytes <= 400_000) : kb(p.gzipBytes) + mark(p.gzipBytes <= 40_000),
      ...(story ? LIGHTHOUSE_BUDGETS.map(({value, within, show}) => {
        const v = value(p);
        return v === null ? "–" : show(v) + mark(within(v));
      }) : [])
    ])
  );
}

export function performanceDoc(results: Results, verdicts: Verdict[]): string {
  const pages = (results.pages ?? []).map((p) => summarizePage(p, results.lighthouse));
  const problems = pages.flatMap((p) => p.problems.map((problem) => `- ${p.path}: ${problem}`));
  const sections = AREAS.flatMap((area) => {
    const rows = verdicts.filter((v) => v.area === area);
    if (!rows.length) return [];
    const detail =
      area === "Story pages" ? pageTable(pages.filter((p) => !isEmbed(p.path)), true) : area === "Embeds" ? pageTable(pages.filter((p) => isEmbed(p.path)), false) : null;
    return [`## ${area}`, "", table(["Budget", "Measured (median)", "Verdict"], rows.map((v) => [v.budget, v.measured, verdict(v.pass)])), ...(detail ? ["", detail] : []), ""];
  });
  return [
    "# Performance",
    "",
    "<!-- Written by `npm run bench` (bench/report.ts) from bench/results/latest.json; `npm run bench -- --report` rewrites it. -->",
    "",
    machineLine(results),
    "",
    ...sections,
    ...(problems.length ? ["## Problems seen while measuring", "", ...problems, ""] : []),
    DUCKDB_EVALUATION,
    "Method: `bench/run.ts` and its modules. Pages are served uncompressed from 127.0.0.1; *gzip* is every transferred file compressed at zlib level 6. " +
      "Layout shift is Chromium's cumulative layout shift (largest session window) until the page is idle; ✗ marks a page outside its budget. " +
      "Lighthouse: one run per page with the mobile preset (simulated slow 4G, 4× CPU slowdown: performance, total blocking time, accessibility) and one with the desktop preset (performance), against a second server that sends text gzip-compressed, as static hosts do.",
    ""
  ].join("\n");
}
