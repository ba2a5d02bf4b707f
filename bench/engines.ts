/**
 * DuckDB-WASM against Arquero on the same aggregate (GROUP BY a key with ~100
 * groups, count and mean of a number) over synthetic tables of growing size,
 * both run in Chromium on the built site's own copies of the two engines
 * (bench/browser/engines.js). Each engine and size gets a tab of its own, so
 * that one running out of memory cannot take the other's figures with it; a
 * size that crashes or overruns its time is reported as not completed, with
 * the reason, never given a value.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {VIEWPORT, type Site} from "./browser.js";
import {summarize, type Summary} from "./stats.js";

export const ENGINES = ["arquero", "duckdb"] as const;
export type Engine = (typeof ENGINES)[number];

export const ENGINE_PAGE = "/__bench/engines.html";
const SCRIPT = fileURLToPath(new URL("./browser/engines.js", import.meta.url));

export interface EngineModules {
  arquero: string;
  arrow: string;
  /** Framework's DuckDB client, which imports the site's DuckDB-WASM and knows its worker and WebAssembly files. */
  duckdb: string;
  /** The package folders these come from, e.g. "arquero@8.0.3". */
  versions: {arquero: string; arrow: string; duckdbWasm: string};
}

function onlyEntry(folder: string, pattern: RegExp, what: string): string {
  const matches = readdirSync(folder).filter((name) => pattern.test(name));
  if (matches.length !== 1) throw new Error(`expected one ${what} in ${folder}, found ${matches.length}: ${matches.join(", ")}`);
  return matches[0];
}

/** Finds the site's own engine modules by listing its _npm and _observablehq folders. */
export function findEngineModules(siteDir: string): EngineModules {
  const npm = join(siteDir, "_npm");
  const arqueroFolder = onlyEntry(npm, /^arquero@/, "arquero version");
  const arrowFolder = onlyEntry(npm, /^apache-arrow@/, "apache-arrow version");
  const duckdbFolder = onlyEntry(join(npm, "@duckdb"), /^duckdb-wasm@/, "duckdb-wasm version");
  const module = (folder: string) => onlyEntry(join(npm, folder), /\.js$/, "module");
  const client = onlyEntry(join(siteDir, "_observablehq", "stdlib"), /^duckdb\.[0-9a-f]+\.js$/, "DuckDB client");
  return {
    arquero: `/_npm/${arqueroFolder}/${module(arqueroFolder)}`,
    arrow: `/_npm/${arrowFolder}/${module(arrowFolder)}`,
    duckdb: `/_observablehq/stdlib/${client}`,
    versions: {arquero: arqueroFolder, arrow: arrowFolder, duckdbWasm: duckdbFolder}
  };
}

/** The page served beside the site at ENGINE_PAGE. */
export function enginePage(modules: EngineModules): string {
  const {versions: _, ...urls} = modules;
  return `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Engine benchmark</title><link rel="icon" href="data:,">
<script>window.__engineModules = ${JSON.stringify(urls)};</script>
<script type="module">
${readFileSync(SCRIPT, "utf8")}
</script>
</html>`;
}

interface InPageResult {
  loadMs: number;
  startMs: number;
  firstMs: number;
  times: number[];
  heapMb: number | null;
  duckdbMemory?: string | null;
  digest: {groups: number; rows: number; first: {key: string; n: number; mean: number} | null; last: {key: string; n: number; mean: number} | null};
}

export type EngineRun =
  | {
      completed: true;
      /** The aggregate, after one warm-up run. */
      query: Summary;
      /** The first run of the aggregate (cold JIT, cold caches). */
      firstQueryMs: number;
      /** Getting the generated columns into the engine (an Arquero table; DuckDB: Arrow, copied to its worker). */
      loadMs: number;
      /** Starting the engine (DuckDB: worker and WebAssembly); 0 for Arquero. */
      startMs: number;
      heapMb: number | null;
      duckdbMemory?: string | null;
      digest: InPageResult["digest"];
    }
  | {completed: false; reason: string};

export interface SizeResult {
  rows: number;
  engines: Record<Engine, EngineRun>;
  /** Whether both engines found the same groups, counts and means (null: one did not complete). */
  agree: boolean | null;
}

async function runInTab(browser: Browser, site: Site, engine: Engine, rows: number, repeats: number, timeoutMs: number): Promise<EngineRun> {
  const context = await browser.newContext({viewport: VIEWPORT});
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    const crashed = new Promise<never>((_, reject) => page.on("crash", () => reject(new Error("the tab crashed (Chromium killed the renderer, typically out of memory)"))));
    const overran = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs / 1000} s`)), timeoutMs)));
    crashed.catch(() => undefined);
    overran.catch(() => undefined);
    const work = (async () => {
      await page.goto(site.url + ENGINE_PAGE.slice(1), {waitUntil: "load"});
      await page.waitForFunction("window.__engines !== undefined", undefined, {timeout: 30_000});
      return (await page.evaluate(`window.__engines.run(${JSON.stringify(engine)}, ${rows}, ${repeats})`)) as InPageResult;
    })();
    const result = await Promise.race([work, crashed, overran]);
    return {
      completed: true,
      query: summarize(result.times),
      firstQueryMs: result.firstMs,
      loadMs: result.loadMs,
      startMs: result.startMs,
      heapMb: result.heapMb,
      duckdbMemory: result.duckdbMemory,
      digest: result.digest
    };
  } catch (error) {
    return {completed: false, reason: (error as Error).message.split("\n")[0]};
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

function agree(a: EngineRun, b: EngineRun): boolean | null {
  if (!a.completed || !b.completed) return null;
  const same = (x: {key: string; n: number; mean: number} | null, y: typeof x) =>
    x !== null && y !== null && x.key === y.key && x.n === y.n && Math.abs(x.mean - y.mean) <= 1e-9 * Math.max(1, Math.abs(x.mean));
  return a.digest.groups === b.digest.groups && a.digest.rows === b.digest.rows && same(a.digest.first, b.digest.first) && same(a.digest.last, b.digest.last);
}

export async function benchEngines(
  browser: Browser,
  site: Site,
  sizes: number[],
  repeats: number,
  timeoutMs: number,
  log: (message: string) => void
): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    const engines = {} as Record<Engine, EngineRun>;
    for (const engine of ENGINES) {
      const run = await runInTab(browser, site, engine, rows, repeats, timeoutMs);
      engines[engine] = run;
      log(`engines: ${engine} ${rows.toLocaleString("en-GB")} rows: ${run.completed ? `${run.query.median.toFixed(1)} ms median` : `did not complete (${run.reason})`}`);
    }
    results.push({rows, engines, agree: agree(engines.arquero, engines.duckdb)});
  }
  return results;
}

export interface Crossover {
  /** The smallest size from which DuckDB is faster at every larger size measured; null: never, up to the largest. */
  rows: number | null;
  /** What was compared. */
  basis: string;
}

/**
 * The crossover on a per-size cost. DuckDB is the better engine at a size when
 * it is cheaper there, or when it completed and Arquero did not; a size where
 * neither completed says nothing and is passed over.
 */
export function crossover(results: SizeResult[], cost: (run: Extract<EngineRun, {completed: true}>) => number, basis: string): Crossover {
  let from: number | null = null;
  for (const {rows, engines} of [...results].sort((a, b) => b.rows - a.rows)) {
    const {arquero, duckdb} = engines;
    if (!arquero.completed && !duckdb.completed) continue;
    const duckdbBetter = duckdb.completed && (!arquero.completed || cost(duckdb) < cost(arquero));
    if (!duckdbBetter) break;
    from = rows;
  }
  return {rows: from, basis};
}
