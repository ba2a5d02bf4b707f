/**
 * Lighthouse's mobile performance score (its default: a Moto G Power
 * viewport, simulated slow 4G and a 4× slower CPU), run with its own CLI on
 * Debian's Chromium against the bench's server. It needs no network.
 */
import {execFile} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {CHROMIUM} from "../scripts/export/chromium.js";

export interface LighthouseRun {
  path: string;
  /** 0–1; null when Lighthouse reported an error instead. */
  score: number | null;
  error?: string;
}

const FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";

export function lighthouseCli(projectRoot: string): string | null {
  const cli = join(projectRoot, "node_modules", ".bin", "lighthouse");
  return existsSync(cli) ? cli : null;
}

export async function benchLighthouse(cli: string, siteUrl: string, paths: string[], log: (message: string) => void): Promise<LighthouseRun[]> {
  const results: LighthouseRun[] = [];
  for (const path of paths) {
    try {
      const {stdout} = await promisify(execFile)(
        cli,
        [siteUrl + path.slice(1), "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet", `--chrome-flags=${FLAGS}`],
        {env: {...process.env, CHROME_PATH: CHROMIUM}, maxBuffer: 64 << 20, timeout: 180_000}
      );
      const report = JSON.parse(stdout);
      results.push({path, score: report.categories.performance.score, ...(report.runtimeError ? {error: report.runtimeError.message} : {})});
    } catch (error) {
      results.push({path, score: null, error: (error as Error).message.split("\n")[0]});
    }
    log(`lighthouse: ${path} ${results.at(-1)!.score ?? results.at(-1)!.error}`);
  }
  return results;
}
