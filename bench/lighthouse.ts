/**
 * Lighthouse on each story page, with its own CLI on Debian's Chromium
 * against the bench's server (it needs no network): the mobile preset (a
 * Moto G Power viewport, simulated slow 4G and a 4× slower CPU) for
 * performance, total blocking time and accessibility, then the desktop preset
 * for performance.
 */
import {execFile} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {CHROMIUM} from "../scripts/export/chromium.js";

export const PRESETS = ["mobile", "desktop"] as const;

export interface LighthouseRun {
  path: string;
  preset: (typeof PRESETS)[number];
  /** Scores 0–1, as Lighthouse rounds them; null when it reported an error instead. */
  performance: number | null;
  /** Measured with the mobile preset only (null with desktop). */
  accessibility: number | null;
  totalBlockingTimeMs: number | null;
  error?: string;
}

interface Report {
  categories: {performance?: {score: number | null}; accessibility?: {score: number | null}};
  audits: Record<string, {numericValue?: number}>;
  runtimeError?: {message: string};
}

const FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";

export function lighthouseCli(projectRoot: string): string | null {
  const cli = join(projectRoot, "node_modules", ".bin", "lighthouse");
  return existsSync(cli) ? cli : null;
}

async function lighthouse(cli: string, url: string, preset: LighthouseRun["preset"]): Promise<Omit<LighthouseRun, "path">> {
  const categories = preset === "mobile" ? "performance,accessibility" : "performance";
  try {
    const {stdout} = await promisify(execFile)(
      cli,
      [url, `--only-categories=${categories}`, ...(preset === "desktop" ? ["--preset=desktop"] : []), "--output=json", "--output-path=stdout", "--quiet", `--chrome-flags=${FLAGS}`],
      {env: {...process.env, CHROME_PATH: CHROMIUM}, maxBuffer: 64 << 20, timeout: 180_000}
    );
    const report: Report = JSON.parse(stdout);
    return {
      preset,
      performance: report.categories.performance?.score ?? null,
      accessibility: report.categories.accessibility?.score ?? null,
      totalBlockingTimeMs: report.audits["total-blocking-time"]?.numericValue ?? null,
      ...(report.runtimeError ? {error: report.runtimeError.message} : {})
    };
  } catch (error) {
    return {preset, performance: null, accessibility: null, totalBlockingTimeMs: null, error: String(error instanceof Error ? error.message : error).split("\n")[0]};
  }
}

export async function benchLighthouse(cli: string, siteUrl: string, paths: string[], log: (message: string) => void): Promise<LighthouseRun[]> {
  const results: LighthouseRun[] = [];
  for (const path of paths) {
    for (const preset of PRESETS) {
      const run = {path, ...(await lighthouse(cli, siteUrl + path.slice(1), preset))};
      results.push(run);
      const tbt = run.totalBlockingTimeMs === null ? "" : `, blocking ${Math.round(run.totalBlockingTimeMs)} ms`;
      log(`lighthouse ${preset}: ${path} ${run.error ?? `performance ${run.performance}${tbt}${run.accessibility === null ? "" : `, accessibility ${run.accessibility}`}`}`);
    }
  }
  return results;
}
