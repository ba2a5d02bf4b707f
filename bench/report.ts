/**
 * The bench's results as Markdown: bench/results/latest.md (the tables), and
 * docs/performance.md (the same tables with the method and, for every budget
 * missed, its cause and the fix). Every figure here comes from the results;
 * the prose only names what the figures show.
 */
import type {BudgetVerdict} from "./budgets.js";
import type {PageComposition} from "./causes.js";
import type {EngineRun} from "./engines.js";
import {kb, mb, ms, powerOfTen, spread} from "./format.js";
import {buildSummary, summarizePage, summarizeSql, type PageSummary, type Results} from "./results.js";
import {median} from "./stats.js";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function verdict(met: boolean | null): string {
  return met === null ? "not measured" : met ? "**met**" : "**not met**";
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function cpuLines({cpu, machine}: Results): string[] {
  if (!cpu || Object.keys(cpu).length === 0) return [];
  const parts = Object.entries(cpu);
  const contended = parts.filter(([name, share]) => name !== "build" && share.others > 0.1);
  return [
    "",
    `CPU of the whole machine (${machine.cores} cores) used while the bench ran, by the bench's own processes (Node, the builds, Chromium) and by other processes: ` +
      parts.map(([name, share]) => `${name} ${percent(share.bench)} bench, ${percent(share.others)} others`).join("; ") +
      "." +
      (contended.length
        ? ` **Other processes took more than 10% of the machine while the bench measured ${contended.map(([name]) => name).join(", ")}: those times are likely inflated; rerun on an idle machine before trusting them.**`
        : " Other processes took too little to matter.")
  ];
}

export function machineSection(results: Results): string {
  const {machine, revision, startedAt, durationMs, options} = results;
  const changed = revision.changedFiles ? ` plus ${revision.changedFiles} uncommitted change(s) in src/, data/, scripts/ or the config, as they stood when the bench copied the project` : "";
  return [
    `Run of ${startedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")} on commit \`${revision.commit ?? "unknown"}\`${changed}; ` +
      `${options.runs} cold runs per page, ${options.runs} cold SQL page loads with ${options.warmQueries} warm queries each, ` +
      `${options.engineRepeats} timed repeats per engine and size, 1 cold and ${options.buildRuns} warm builds (and one warm build without the render check). The bench took ${ms(durationMs)}.`,
    "",
    table(
      ["Machine", ""],
      [
        ["CPU", `${machine.cpuModel}, ${machine.cores} cores`],
        ["Memory", `${machine.memoryGiB} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["Chromium", `${machine.chromium} (headless, Debian's build, via playwright-core ${machine.playwright})`]
      ]
    ),
    ...cpuLines(results)
  ].join("\n");
}

export function budgetSection(verdicts: BudgetVerdict[]): string {
  return table(
    ["Budget", "Measured", "gzip", "Judged on", "Verdict"],
    verdicts.map((v) => [v.budget, v.measured, v.gzip || "–", v.basis, verdict(v.met)])
  );
}

function pagesSection(pages: PageSummary[]): string {
  const order = {story: 0, sql: 1, embed: 2};
  const rows = [...pages]
    .sort((a, b) => order[a.group] - order[b.group] || a.path.localeCompare(b.path))
    .map((p) => [
      p.path,
      kb(p.bytes.js),
      kb(p.gzipBytes.js),
      kb(p.bytes.css),
      kb(p.bytes.data),
      kb(p.bytes.wasm),
      kb(p.bytes.fonts),
      kb(p.bytes.other),
      kb(p.totalBytes),
      kb(p.totalGzipBytes),
      `${p.requests.median}`,
      p.firstChart ? spread(p.firstChart) : "no chart",
      p.duckdbRuns ? `yes (${p.duckdbRuns}/${p.runs} runs)` : "no"
    ]);
  const problems = pages.flatMap((p) => p.problems.map((problem) => `- ${p.path}: ${problem}`));
  return [
    table(["Page", "JS", "JS gzip", "CSS", "data", "wasm", "fonts", "other", "total", "total gzip", "requests", "first chart", "DuckDB-WASM"], rows),
    "",
    "Bytes are the encoded response bodies as transferred (the bench's server does not compress), medians of the runs; *gzip* is the same bodies gzipped (zlib level 6), what a compressing host would send. *other* is the HTML page itself. *first chart*: median (min–max) from navigation start.",
    ...(problems.length ? ["", "Problems seen while measuring:", "", ...problems] : [])
  ].join("\n");
}

function sqlSection(results: Results): string {
  if (!results.sql) return "Not measured in this run.";
  const s = summarizeSql(results.sql.runs);
  const rows: string[][] = [
    ["First result, cold (navigation → `data-state=done`)", s.firstResult ? spread(s.firstResult) : "did not complete", `${results.sql.runs.length} cold loads${s.failedRuns ? `, ${s.failedRuns} failed` : ""}`],
    ["of which DuckDB's start and table loading (`data-startup-ms`)", s.startup ? spread(s.startup) : "–", "the workbench's own figure"],
    ["Warm query (Ctrl+Enter → result table and chart drawn)", s.warm ? spread(s.warm) : "did not complete", `${s.warm?.n ?? 0} queries${s.warmFailed ? `, ${s.warmFailed} failed` : ""}`],
    ["Warm query, DuckDB alone (the time the page reports)", s.warmReported ? spread(s.warmReported) : "–", "send → last row converted, whole ms"]
  ];
  return [table(["SQL workbench (/explore)", "median (min–max)", "over"], rows), "", "The query, opened from a `#sql=` link and then re-run from the editor:", "", "```sql", results.sql.query, "```"].join("\n");
}

function engineCell(run: EngineRun, field: "query" | "load" | "memory"): string {
  if (!run.completed) return field === "query" ? `did not complete: ${run.reason}` : "–";
  if (field === "query") return spread(run.query);
  if (field === "memory") {
    const heap = run.heapMb === null ? "" : `JS heap ${Math.round(run.heapMb)} MB`;
    return [heap, run.duckdbMemory ? `DuckDB ${run.duckdbMemory}` : ""].filter(Boolean).join(", ") || "–";
  }
  return run.startMs ? `${ms(run.loadMs)} (+ ${ms(run.startMs)} start)` : ms(run.loadMs);
}

function enginesSection(results: Results): string {
  if (!results.engines) return "Not measured in this run.";
  const {sizes, crossover, modules} = results.engines;
  const rows = sizes.map(({rows, engines, agree}) => {
    const {arquero, duckdb} = engines;
    const ratio =
      arquero.completed && duckdb.completed
        ? arquero.query.median > duckdb.query.median
          ? `DuckDB, ${(arquero.query.median / duckdb.query.median).toFixed(1)}×`
          : `Arquero, ${(duckdb.query.median / arquero.query.median).toFixed(1)}×`
        : duckdb.completed
          ? "DuckDB (only one to complete)"
          : arquero.completed
            ? "Arquero (only one to complete)"
            : "–";
    return [
      powerOfTen(rows),
      engineCell(arquero, "query"),
      engineCell(duckdb, "query"),
      ratio,
      engineCell(arquero, "load"),
      engineCell(duckdb, "load"),
      engineCell(arquero, "memory"),
      engineCell(duckdb, "memory"),
      agree === null ? "–" : agree ? "yes" : "**no**"
    ];
  });
  const smallest = Math.min(...sizes.map((r) => r.rows));
  const said = (c: {rows: number | null}) =>
    c.rows === null
      ? "DuckDB is not the better engine at any size measured"
      : `DuckDB is the better engine from ${powerOfTen(c.rows)} rows on${c.rows === smallest ? " (the smallest size measured)" : ""}`;
  const done = sizes.filter((r) => r.engines.arquero.completed && r.engines.duckdb.completed);
  const overlapping = done.filter(({engines}) => {
    const a = (engines.arquero as Extract<EngineRun, {completed: true}>).query;
    const d = (engines.duckdb as Extract<EngineRun, {completed: true}>).query;
    return Math.max(a.min, d.min) <= Math.min(a.max, d.max);
  });
  // "Clearly": DuckDB's slowest run beat Arquero's fastest, at that size and every larger one.
  let clearlyFrom: number | null = null;
  for (const {rows, engines} of [...done].reverse()) {
    const a = (engines.arquero as Extract<EngineRun, {completed: true}>).query;
    const d = (engines.duckdb as Extract<EngineRun, {completed: true}>).query;
    if (d.max >= a.min) break;
    clearlyFrom = rows;
  }
  const firstAnswer = (run: EngineRun) => (run.completed ? run.startMs + run.loadMs + run.firstQueryMs : null);
  const largest = done.at(-1);
  const notes: string[] = [];
  if (overlapping.length) {
    notes.push(`- At ${overlapping.map((r) => powerOfTen(r.rows)).join(", ")} rows the two engines' ranges overlap: there the difference is within the run-to-run noise.`);
  }
  if (largest) {
    notes.push(
      `- For one question on a table already in the page's memory, the first answer at ${powerOfTen(largest.rows)} rows takes ${ms(firstAnswer(largest.engines.arquero)!)} with Arquero and ${ms(firstAnswer(largest.engines.duckdb)!)} with DuckDB, ` +
        "whose start (worker and WebAssembly) and copy of the table into its worker come first; DuckDB pays off over repeated queries on the same data, as on the SQL page."
    );
  }
  const incomplete = sizes.flatMap(({rows, engines}) => Object.entries(engines).filter(([, run]) => !run.completed).map(([engine, run]) => `- ${engine} at ${powerOfTen(rows)} rows did not complete: ${(run as {reason: string}).reason}.`));
  return [
    table(["Rows", "Arquero query", "DuckDB query", "Faster (query)", "Arquero load", "DuckDB load (+ start)", "Arquero tab memory", "DuckDB tab memory", "Same answer"], rows),
    "",
    `Query times: median (min–max) of ${results.options.engineRepeats} runs after one warm-up. Memory: the tab's JavaScript heap (Chromium's \`performance.memory\`) and DuckDB's own \`PRAGMA database_size\` memory figure, after the runs.`,
    "",
    `Engines: the site's own \`${modules.versions.arquero}\` and \`${modules.versions.duckdbWasm}\` (through Framework's DuckDB client, with \`${modules.versions.arrow}\`).`,
    "",
    `- **Crossover, query on loaded data:** ${said(crossover.query)}, going by the medians` +
      (clearlyFrom !== null ? `; every DuckDB run beat every Arquero run from ${powerOfTen(clearlyFrom)} rows on.` : "."),
    `- **Crossover, first answer (start + load + first query):** ${said(crossover.firstAnswer)}.`,
    ...notes,
    ...incomplete
  ].join("\n");
}

function buildSection(results: Results): string {
  if (!results.build) return "Not measured in this run.";
  const {cold, warm, withoutRenderCheck} = results.build;
  const phaseCells = (runs: typeof warm) => {
    const phases = runs.map((r) => r.phases).filter((p) => p !== null);
    if (phases.length === 0) return ["–", "–", "–", "–"];
    const m = (f: (p: (typeof phases)[number]) => number) => ms(median(phases.map(f)));
    return [m((p) => p.seedMs), m((p) => p.frameworkMs), `${m((p) => p.loadersMs)} (${phases[0].loadersRun} loaders)`, m((p) => p.checksMs)];
  };
  const summary = buildSummary(results.build);
  const rows = [
    ["cold (fresh copy, no Framework cache)", ms(cold.ms), ...phaseCells([cold])],
    [`warm, nothing changed (median of ${warm.length})`, summary.warm ? spread(summary.warm) : "–", ...phaseCells(warm)]
  ];
  if (withoutRenderCheck) rows.push(["warm, render check skipped (1 run, for comparison)", ms(withoutRenderCheck.ms), ...phaseCells([withoutRenderCheck])]);
  return [
    table(["Build", "total", "seeding the npm cache", "Framework build", "of which data loaders", "checks after (chrome repair, figures sheet, export check, render check)"], rows),
    "",
    "Phases are timed from the moment each line of the build's output appeared; the phase columns are medians. The build skips its render check when it finds no Chromium; the comparison run points `CHROMIUM_PATH` at nothing to get that."
  ].join("\n");
}

function compositionTable(c: PageComposition): string {
  return table(
    ["JavaScript of " + c.path, "raw", "gzip", "files", "largest file"],
    [
      ...c.origins.map((o) => [o.origin, kb(o.bytes), kb(o.gzipBytes), String(o.files), `${o.largest.path} (${kb(o.largest.bytes)})`]),
      ["total", kb(c.js), kb(c.jsGzip), String(c.origins.reduce((n, o) => n + o.files, 0)), ""]
    ]
  );
}

function when(run: {startedAt: string; commit: string | null}): string {
  return `commit \`${run.commit ?? "unknown"}\`, ${run.startedAt.slice(0, 16).replace("T", " ")} UTC`;
}

/** The budgets against the run compared with. */
export function previousSection({previous}: Results, verdicts: BudgetVerdict[]): string {
  if (!previous) return "No earlier run to compare with.";
  const rows = verdicts.map((v) => {
    const before = previous.budgets.find((b) => b.id === v.id);
    return [v.budget, before ? `${before.measured} — ${verdict(before.met)}` : "–", `${v.measured} — ${verdict(v.met)}`];
  });
  return [`Compared with the run of ${when(previous)}:`, "", table(["Budget", "then", "now"], rows)].join("\n");
}

/** For each budget missed: what the measurements show caused it, and what would fix it. */
export function missedSection(results: Results, verdicts: BudgetVerdict[]): string {
  const missed = verdicts.filter((v) => v.met === false);
  if (missed.length === 0) {
    const earlier = results.previous?.budgets.filter((b) => b.met === false) ?? [];
    if (earlier.length === 0) return "Every budget measured was met.";
    const previous = results.previous!;
    return [
      `Every budget measured was met. The run of ${when(previous)} missed ${earlier.length}; the comparison under *Budgets* shows what has changed since. ` +
        "What that run found, written from its own results (so it describes the project as it was then):",
      ...(previous.missed ? ["", previous.missed.replace(/^### /gm, "#### ")] : [])
    ].join("\n");
  }
  const pages = (results.pages ?? []).map(summarizePage);
  const causes = results.causes;
  const parts: string[] = [];
  for (const v of missed) {
    parts.push(`### ${v.budget}: not met`, "", `Measured: ${v.measured}${v.gzip ? ` (gzipped: ${v.gzip})` : ""}.`, "");
    if (v.id === "story-js" || v.id === "embed-js") {
      const group = v.id === "story-js" ? "story" : "embed";
      const heaviest = pages.filter((p) => p.group === group).sort((a, b) => b.bytes.js - a.bytes.js)[0];
      const comp = causes?.compositions.find((c) => c.path === heaviest?.path);
      if (comp) parts.push(compositionTable(comp), "");
      const plot = comp?.origins.find((o) => o.origin.startsWith("@observablehq/plot@"));
      const subset = causes?.plotSubset;
      if (comp && plot) {
        const share = `${kb(plot.bytes)} of the page's ${kb(comp.js)} (${Math.round((100 * plot.bytes) / comp.js)}%)`;
        if (subset && plot.bytes >= 0.98 * subset.full.bytes) {
          const saving = subset.full.bytes - subset.subset.bytes;
          const after = comp.js - saving;
          parts.push(
            `- **Observable Plot, bundled whole: ${share}.** \`scripts/seed-npm-cache.ts\` bundles all of Plot into one module, and every page with a chart downloads all of it. ` +
              `The components call ${subset.used.length} of Plot's functions (${subset.used.map((u) => `\`${u}\``).join(", ")}); a bundle of only those, built with the same esbuild options, weighs ${kb(subset.subset.bytes)} (${kb(subset.subset.gzipBytes)} gzipped) instead of ${kb(subset.full.bytes)}: ` +
              `${kb(saving)} less, which would bring ${comp.path} to about ${kb(after, 1)} (${after <= 400_000 ? "within" : "still over"} the budget). ` +
              "**Fix:** seed Plot as `export {…} from \"@observablehq/plot\"` of the functions the components use."
          );
        } else {
          parts.push(
            `- **Observable Plot: ${share},** already bundled down to the functions the components call` +
              (subset ? ` (${subset.used.length} of them; all of Plot would be ${kb(subset.full.bytes)}).` : ".") +
              " What remains is Plot's core (scales, axes, layout, the d3 modules it uses), which every chart needs."
          );
        }
      }
      const embeds = causes?.embedCharts;
      if (v.id === "embed-js" && comp && embeds) {
        for (const origin of comp.origins) {
          const name = origin.origin.replace(/@[^@/]+$/, "");
          const importers = causes?.npmImporters[name] ?? [];
          const viaRegistry = importers.filter((file) => embeds.registryModules.some((m) => file === `src/components/${m}.ts`));
          if (name === "@observablehq/plot" || origin.bytes < 20_000 || viaRegistry.length === 0) continue;
          parts.push(
            `- **${origin.origin}: ${kb(origin.bytes)} (${kb(origin.gzipBytes)} gzipped),** imported by ${viaRegistry.map((f) => `\`${f}\``).join(", ")}, ` +
              `one of the chart modules \`src/components/charts.ts\` imports statically: every embed page downloads it, whichever chart it draws.`
          );
        }
      }
      if (v.id === "embed-js" && embeds && embeds.loaded.length > 1) {
        const bytes = embeds.loaded.reduce((s, m) => s + m.bytes, 0);
        parts.push(
          `- **Every chart's module on every embed page.** ${embeds.path} draws one chart but downloads ${embeds.loaded.length} of the ${embeds.registryModules.length} modules that \`src/components/charts.ts\` imports statically (${kb(bytes)} raw): ` +
            `${embeds.loaded.map((m) => `${m.module} ${kb(m.bytes, 1)}`).join(", ")}. ` +
            "**Fix:** make the registry import each chart's module when that chart is drawn (`funnel: async (data, width) => (await import(\"./funnel.js\")).FunnelChart(…)`), so an embed page loads only its own chart and the packages that chart needs."
        );
      }
      if (heaviest) {
        parts.push(
          `- **Compression.** The bench's server, like the test server, sends files uncompressed; gzipped, ${heaviest.path}'s JavaScript is ${kb(heaviest.gzipBytes.js)}. ` +
            "A host that compresses (most do) would transfer that; the budget is judged on the uncompressed bytes, so this is not counted as meeting it."
        );
      }
    }
    if (v.id === "story-duckdb") {
      const offenders = pages.filter((p) => p.group !== "sql" && p.duckdbRuns > 0);
      parts.push(...offenders.map((p) => `- ${p.path} requested ${p.duckdbFiles.join(", ")}. Find the import (a \`sql\` front matter, \`DuckDBClient\`, or a component importing \`duckdb-runner.ts\`) and move it to /explore.`));
    }
    if (v.id === "first-chart") {
      const slow = pages.filter((p) => p.group !== "sql" && p.firstChart && p.firstChart.median > 1000);
      for (const p of slow) {
        parts.push(`- ${p.path}: first chart at ${spread(p.firstChart!)}; before it the page loads ${kb(p.bytes.js)} of JavaScript and ${kb(p.bytes.data)} of data in ${p.requests.median} requests.`);
      }
    }
    if (v.id === "sql-first" && results.sql) {
      const s = summarizeSql(results.sql.runs);
      const explore = pages.find((p) => p.group === "sql");
      parts.push(
        `- Of the ${s.firstResult ? ms(s.firstResult.median) : "–"} to the first result, starting DuckDB-WASM and loading the tables took ${s.startup ? ms(s.startup.median) : "–"} (the workbench's \`data-startup-ms\`, median).` +
          (explore ? ` The page transfers ${mb(explore.bytes.wasm)} of WebAssembly (${mb(explore.gzipBytes.wasm)} gzipped) and ${kb(explore.bytes.js)} of JavaScript.` : ""),
        "- **Fixes:** start DuckDB before the catalog and the page's other cells have loaded (it is created after `catalog.json` arrives); preload the WebAssembly (`<link rel=\"preload\">` in the page's head) so its download overlaps the page's scripts; serve the site compressed, which cuts the WebAssembly to the gzip figure."
      );
    }
    if (v.id === "sql-warm" && results.sql) {
      const s = summarizeSql(results.sql.runs);
      parts.push(
        `- DuckDB itself answers in ${s.warmReported ? ms(s.warmReported.median) : "–"} (median, as the page reports it); the rest of the ${s.warm ? ms(s.warm.median) : "–"} is the page drawing the result table and the quick chart. Look there first (\`result-table.ts\`, \`quick-chart.ts\`).`
      );
    }
    if (v.id === "warm-rebuild" && results.build) {
      const {warm, withoutRenderCheck} = results.build;
      const phases = warm.map((r) => r.phases).filter((p) => p !== null);
      if (phases.length) {
        const m = (f: (p: (typeof phases)[number]) => number) => median(phases.map(f));
        const total = median(warm.map((r) => r.ms));
        const seed = m((p) => p.seedMs);
        const framework = m((p) => p.frameworkMs);
        const loaders = m((p) => p.loadersMs);
        const checks = m((p) => p.checksMs);
        const renderCheck = withoutRenderCheck ? Math.max(0, total - withoutRenderCheck.ms) : null;
        const pageCount = pages.length || null;
        const causesBySize: [number, string][] = [
          [
            renderCheck ?? checks,
            `- **The render check: ${renderCheck === null ? `up to ${ms(checks)} (all the checks after Framework)` : `${ms(renderCheck)}`}** ` +
              (renderCheck === null ? "" : `(a rebuild with it skipped took ${ms(withoutRenderCheck!.ms)}). `) +
              `\`scripts/render-check.ts\` launches Chromium and opens every page${pageCount ? ` (${pageCount} of them)` : ""}, waiting on each for Playwright's \`networkidle\` (no request for 500 ms). ` +
              "**Fix:** skip it when the export is identical to the last one that passed (a hash of the export), open several pages at once, or wait for the cells and charts rather than for network idle."
          ],
          [
            loaders,
            `- **Data loaders: ${ms(loaders)} of Framework's ${ms(framework)}.** The rebuild ran all ${phases[0].loadersRun} loaders again: \`scripts/build.ts\` clears Framework's loader cache before every build (\`clearLoaderOutputs\` in \`scripts/loader-cache.ts\`), because Framework re-runs a loader only when the loader file changes, not when \`data/\` does. ` +
              "**Fix:** keep that guarantee but clear the cache only when `data/`, `src/lib/` or `src/data/` changed since the last build (a stamp of their hashes beside the cache), so a rebuild with nothing changed reuses every loader's output."
          ],
          [
            seed,
            `- **Seeding the npm cache: ${ms(seed)}.** \`seed-npm-cache.ts\` deletes and re-bundles every package with esbuild on every build. ` +
              "**Fix:** skip it when a stamp (a hash of `package-lock.json` and the seed script) matches."
          ]
        ];
        if (phases[0].loadersRun === 0) causesBySize.splice(1, 1); // no loader ran: not a cause
        parts.push(...causesBySize.sort((a, b) => b[0] - a[0]).map(([, text]) => text));
        const floor = framework - loaders;
        parts.push(
          `- What is left is Framework's own work (${ms(floor)}: parsing ${pageCount ?? "the"} pages, bundling its client, copying files, DuckDB's two WebAssembly builds among them) and the chrome repair and export check. ` +
            `With the loaders' output reused and the render check skipped when nothing changed, a warm rebuild would take about ${ms(total - loaders - seed - (renderCheck ?? 0))}${total - loaders - seed - (renderCheck ?? 0) <= 15_000 ? ", within the budget" : ", still over the budget"}.`
        );
      }
    }
    parts.push("");
  }
  return parts.join("\n").trimEnd();
}

/** bench/results/latest.md: the tables of one run. */
export function resultsMarkdown(results: Results, verdicts: BudgetVerdict[]): string {
  const pages = (results.pages ?? []).map(summarizePage);
  return [
    "## Machine and run",
    "",
    machineSection(results),
    "",
    "## Budgets",
    "",
    budgetSection(verdicts),
    "",
    "### Against the run compared with",
    "",
    previousSection(results, verdicts),
    "",
    "## Pages (cold cache, one new browser context per load)",
    "",
    pages.length ? pagesSection(pages) : "Not measured in this run.",
    "",
    "## The SQL page",
    "",
    sqlSection(results),
    "",
    "## DuckDB-WASM and Arquero: GROUP BY key, count(*), avg(value)",
    "",
    enginesSection(results),
    "",
    "## The build",
    "",
    buildSection(results),
    "",
    "## Budgets missed and why",
    "",
    missedSection(results, verdicts)
  ].join("\n");
}

const METHOD = `## Method

\`npm run bench\` (\`tsx bench/run.ts\`; not part of \`npm test\`) does, in order:

1. **Build.** It copies the project (\`src/\` without Framework's cache, \`data/\`, \`scripts/\`, the
   test helpers the build's render check uses, the config files, and a link to \`node_modules\`)
   into a folder under the system's temporary directory, so that it never empties or refills the
   caches of anyone building in the working tree. The first \`tsx scripts/build.ts\` there is the
   **cold** build; the following ones, with nothing changed, are the **warm** rebuilds, and one
   more rebuild runs with the build's render check skipped (\`CHROMIUM_PATH\` pointed at nothing),
   to show what that check costs. Phases are split by the time each line of the build's output
   appeared. The last build's export, which passed every check, is the site measured below.
2. **Serve.** The export of that copy is served on 127.0.0.1 by the test suite's static server
   (\`scripts/static-server.ts\`), which does not compress, with the bench's engine page beside it.
3. **Pages.** Debian's Chromium, headless, with the flags of \`scripts/chromium.ts\`,
   at 1280×900. Every page of the export (story pages, the SQL page and every embed page) is
   loaded in a **new browser context** each run (an empty cache), going round all the pages once per
   run. Bytes are Chromium's encoded body size of every response (\`request.sizes()\` on the
   context's \`requestfinished\` events, which include the requests of workers), sorted by kind
   from the file extension; each body is also gzipped with zlib at level 6 (once per file) to show
   what a compressing host would send. The first chart is timed **in the page**: a
   \`MutationObserver\` injected before the page's scripts (\`bench/browser/marks.js\`) records
   \`performance.now()\` (milliseconds since navigation start) when the first
   \`figure.chart-frame .chart-body svg\` enters the DOM. A DuckDB-WASM file is any request under
   \`/_npm/@duckdb/\` or Framework's DuckDB client \`/_observablehq/stdlib/duckdb.*.js\`.
4. **SQL page.** \`/explore\` is opened cold from a link carrying a GROUP BY over the fact base
   (below); the injected observer records when \`.sql-workbench\` first finishes a run with
   \`data-state=done\`. The same query is then run again from the page's editor with Ctrl+Enter,
   timed in the page from the key press (a capturing \`keydown\` listener) to the workbench's next
   finished run, with its result table and quick chart drawn; the time the page itself shows
   (DuckDB's run alone) is read from its status line.
5. **Engines.** A page served beside the site (\`bench/browser/engines.js\`) imports the site's own
   Arquero and Apache Arrow modules and Framework's DuckDB client (which loads the site's
   DuckDB-WASM), found by listing the export's \`_npm\` and \`_observablehq\` folders. For each size
   (10⁴ to 10⁷ rows) it generates a table with a deterministic PRNG (mulberry32, fixed seed), used
   for nothing else: a \`key\` drawn uniformly from 100 labels and a \`value\` from 0 to 1,000 with
   two decimals. Arquero
   gets it as JavaScript arrays (\`aq.table\`); DuckDB as an Arrow table (the key dictionary-encoded)
   inserted through its worker. Each engine runs \`GROUP BY key\` with \`count(*)\` and
   \`avg(value)\` once to warm up, then the timed repeats. Each engine and size runs in a tab of its
   own, with a time limit; a tab that crashes (out of memory) or overruns is reported as *did not
   complete* with the reason, never given a value. The two engines' answers are compared (groups,
   row counts, first and last group's count and mean). DuckDB is *the better engine from* a size
   when it is faster there and at every larger size measured.
6. **Report.** Results go to \`bench/results/latest.json\` (every measured value) and
   \`bench/results/latest.md\`, and this page is rewritten from them.

Options: \`--runs N\` (or \`BENCH_RUNS\`, default 5: cold loads per page and of the SQL page),
\`--warm-queries N\` (\`BENCH_WARM_QUERIES\`, 10 per SQL page load), \`--engine-repeats N\`
(\`BENCH_ENGINE_REPEATS\`, 10), \`--build-runs N\` (\`BENCH_BUILD_RUNS\`, warm rebuilds, 3),
\`--sizes 1e4,1e5\` (\`BENCH_SIZES\`), \`--engine-timeout S\` (\`BENCH_ENGINE_TIMEOUT\`, 180 s per engine
and size), \`--only pages,sql\` (a subset; this page is then left as it was), \`--site DIR\` (measure
an existing export instead of building; also leaves this page as it was), \`--keep\` (keep the
temporary copy), \`--compare FILE\` (the earlier \`latest.json\` to compare the budgets with;
by default the one this run replaces), \`--report\` (rewrite the Markdown from \`latest.json\`,
measuring nothing).

Caveats: everything is on localhost, so transfer time is nearly nil and times measure the browser's
work, not a reader's network; a 2-core virtual machine is noisy, hence medians and ranges; headless
Chromium draws without a GPU. KB are 1,000 bytes.`;

/** docs/performance.md */
export function performanceDoc(results: Results, verdicts: BudgetVerdict[]): string {
  return [
    "# Performance",
    "",
    "<!-- Written by `npm run bench` (bench/report.ts) from bench/results/latest.json: edit the report code, not this file. -->",
    "",
    "How fast the notebook is for readers, analysts and editors, measured by `npm run bench` against the budgets of issue 8. " +
      "The figures below are from the last full run; `bench/results/latest.json` holds every measured value.",
    "",
    resultsMarkdown(results, verdicts),
    "",
    METHOD,
    ""
  ].join("\n");
}

