/**
 * Evidence for the report's "Budgets missed and why": what a page's
 * JavaScript is made of, what Plot would weigh if only the parts the charts
 * use were bundled, and which chart modules an embed page loads. All of it is
 * computed from the measured copy of the project and the requests recorded,
 * not typed in.
 */
import {build} from "esbuild";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {PageResult} from "./pages.js";
import {BUNDLE_OPTIONS} from "../scripts/seed-npm-cache.js";

export interface ModuleShare {
  /** "@observablehq/plot@0.6.17", "Framework runtime", "project components", … */
  origin: string;
  bytes: number;
  gzipBytes: number;
  files: number;
  /** The largest file of this origin. */
  largest: {path: string; bytes: number};
}

export interface PageComposition {
  path: string;
  js: number;
  jsGzip: number;
  origins: ModuleShare[];
}

export interface PlotSubset {
  /** Plot functions the project's components call (Plot.x). */
  used: string[];
  full: {bytes: number; gzipBytes: number};
  subset: {bytes: number; gzipBytes: number};
}

export interface EmbedCharts {
  path: string;
  /** Chart modules the registry (src/components/charts.ts) imports. */
  registryModules: string[];
  /** Of those, the ones this embed page downloaded. */
  loaded: {module: string; bytes: number}[];
}

export interface Causes {
  compositions: PageComposition[];
  plotSubset: PlotSubset | null;
  embedCharts: EmbedCharts | null;
  /** For each npm package the project imports (`npm:name`), the source files that import it. */
  npmImporters: Record<string, string[]>;
}

export function originOf(path: string): string {
  const npm = /^\/_npm\/((?:@[^/]+\/)?[^/@]+@[^/]+)\//.exec(path);
  if (npm) return npm[1];
  if (path.startsWith("/_observablehq/")) return "Framework runtime and standard library (/_observablehq)";
  if (path.startsWith("/_import/")) return "the project's own modules (/_import)";
  return "other";
}

export function composition(page: PageResult): PageComposition {
  const origins = new Map<string, ModuleShare>();
  for (const script of page.scripts) {
    const origin = originOf(script.path);
    const share = origins.get(origin) ?? {origin, bytes: 0, gzipBytes: 0, files: 0, largest: {path: script.path, bytes: 0}};
    share.bytes += script.bytes;
    share.gzipBytes += script.gzipBytes;
    share.files += 1;
    if (script.bytes > share.largest.bytes) share.largest = {path: script.path, bytes: script.bytes};
    origins.set(origin, share);
  }
  const shares = [...origins.values()].sort((a, b) => b.bytes - a.bytes);
  return {path: page.path, js: shares.reduce((s, o) => s + o.bytes, 0), jsGzip: shares.reduce((s, o) => s + o.gzipBytes, 0), origins: shares};
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|js|md)$/.test(entry.name)) files.push(path);
  }
  return files;
}

async function bundleSize(contents: string, resolveDir: string): Promise<{bytes: number; gzipBytes: number}> {
  // The options of scripts/seed-npm-cache.ts, which makes the bundle the site serves.
  const result = await build({
    stdin: {contents, resolveDir, loader: "js"},
    ...BUNDLE_OPTIONS,
    logLevel: "silent",
    write: false
  });
  const code = result.outputFiles[0].contents;
  return {bytes: code.length, gzipBytes: gzipSync(code, {level: 6}).length};
}

/** Plot as the site bundles it (all of it) against a bundle of only the functions the project calls. */
export async function plotSubset(projectDir: string): Promise<PlotSubset | null> {
  const used = new Set<string>();
  for (const file of sourceFiles(join(projectDir, "src"))) {
    for (const match of readFileSync(file, "utf8").matchAll(/\bPlot\.([a-z]\w*)\b/g)) used.add(match[1]);
  }
  if (used.size === 0) return null;
  const names = [...used].sort();
  const full = await bundleSize(`export * from "@observablehq/plot";`, projectDir);
  const subset = await bundleSize(`export {${names.join(", ")}} from "@observablehq/plot";`, projectDir);
  return {used: names, full, subset};
}

/** The chart modules an embed page downloads, against the one chart it draws. */
export function embedCharts(projectDir: string, page: PageResult | undefined): EmbedCharts | null {
  if (!page) return null;
  let registry: string;
  try {
    registry = readFileSync(join(projectDir, "src", "components", "charts.ts"), "utf8");
  } catch {
    return null;
  }
  const registryModules = [...registry.matchAll(/^import\s+\{[^}]*\}\s+from\s+"\.\/([\w-]+)\.js"/gm)].map((m) => m[1]);
  const loaded = registryModules
    .map((module) => ({module, script: page.scripts.find((s) => new RegExp(`^/_import/components/${module}\\.[0-9a-f]+\\.js$`).test(s.path))}))
    .filter((m) => m.script !== undefined)
    .map((m) => ({module: m.module, bytes: m.script!.bytes}));
  return {path: page.path, registryModules, loaded};
}

/** Which of the project's files import each npm package (`from "npm:arquero"`). */
export function npmImporters(projectDir: string): Record<string, string[]> {
  const importers: Record<string, string[]> = {};
  const src = join(projectDir, "src");
  for (const file of sourceFiles(src)) {
    for (const match of readFileSync(file, "utf8").matchAll(/from\s+["']npm:((?:@[^/"']+\/)?[^@/"']+)/g)) {
      const name = match[1];
      const relativePath = file.slice(projectDir.length + 1);
      (importers[name] ??= []).includes(relativePath) || importers[name].push(relativePath);
    }
  }
  return importers;
}
