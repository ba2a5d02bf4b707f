/**
 * Times the project's own build (scripts/build.ts) in a private copy of the
 * project, so that the bench neither empties nor refills the caches of anyone
 * building in the working tree: the copy has the project's files and a link
 * to node_modules, but no src/.observablehq, dist/ or .git. Its first build is cold (no
 * Framework cache at all), the following ones warm (nothing changed). One
 * extra warm rebuild runs without the build's render check, to show its cost.
 *
 * The build prints a line at the end of each phase; the time each line
 * appeared splits a build into seeding the npm cache, Framework's build (and,
 * within it, the data loaders) and the checks the build runs after it.
 */
import {spawn} from "node:child_process";
import {cp, mkdtemp, symlink} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {performance} from "node:perf_hooks";

/**
 * Left out of the copy: what is not source (git, installed packages, exports,
 * Framework's cache, which the cold build must not have) and the bench itself.
 * Everything else is copied, so that the copy builds whatever the build reads.
 */
function copied(projectRoot: string, source: string): boolean {
  const path = relative(projectRoot, source);
  if (path === "") return true;
  const top = path.split(sep)[0];
  if ([".git", "node_modules", "bench", "test-results"].includes(top) || /^dist($|\.)/.test(top)) return false;
  return !path.startsWith(join("src", ".observablehq"));
}

export interface BuildPhases {
  /** scripts/seed-npm-cache.ts: bundling each package into Framework's cache (or finding it up to date). */
  seedMs: number;
  /** `observable build`, from the end of seeding to its last line. */
  frameworkMs: number;
  /** Within Framework's build: the data loaders, which it runs one after another. */
  loadersMs: number;
  /** How many loaders ran (a loader whose output was cached does not). */
  loadersRun: number;
  /** After Framework: chrome repair, figures sheet, export check and the render check in Chromium. */
  checksMs: number;
}

export interface BuildRun {
  ms: number;
  ok: boolean;
  phases: BuildPhases | null;
  /** The build's last lines, kept when it failed. */
  tail?: string[];
}

export interface ProjectCopy {
  dir: string;
  /** Where the copy's builds export to: the site the bench then measures. */
  site: string;
}

export async function copyProject(projectRoot: string): Promise<ProjectCopy> {
  const base = await mkdtemp(join(tmpdir(), "shft-bench-"));
  const dir = join(base, "project");
  await cp(projectRoot, dir, {recursive: true, filter: (source) => copied(projectRoot, source)});
  await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return {dir, site: join(base, "site")};
}

interface Line {
  at: number;
  text: string;
}

export function phasesFrom(lines: Line[], startedAt: number): BuildPhases | null {
  // Seeding ends with "seeded 9 packages …", or "npm cache already seeded …" when its stamp matched.
  const seeded = lines.find((line) => /^seeded \d+ packages|^npm cache already seeded/.test(line.text));
  const checksDone = lines.find((line) => /^render check|^exported to/.test(line.text.trim()));
  if (!seeded || !checksDone) return null;
  // Framework's last line is the last one before the build script's own closing lines.
  const frameworkLines = lines.filter((line) => line.at > seeded.at && line.at < checksDone.at && !/^render check/.test(line.text));
  const frameworkEnd = frameworkLines.at(-1)?.at ?? seeded.at;
  // A loader reports on completion: "copy src/data/x.json → load /data/x.json → [missing] success 115 kB in 372ms".
  // [missing] or [stale]: it ran; [fresh] or [using stale]: Framework reused its cached output.
  const loaderLines = lines.filter((line) => /→ load \/.*\[(missing|stale)\] .*success .* in \d+ms/.test(line.text));
  // Framework runs the loaders one after another, so their times add up.
  const loadersMs = loaderLines.reduce((sum, line) => sum + Number(/in (\d+)ms/.exec(line.text)?.[1] ?? 0), 0);
  return {
    seedMs: seeded.at - startedAt,
    frameworkMs: frameworkEnd - seeded.at,
    loadersMs,
    loadersRun: loaderLines.length,
    checksMs: checksDone.at - frameworkEnd
  };
}

export function runBuild(copy: ProjectCopy, env: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const lines: Line[] = [];
    const startedAt = performance.now();
    const child = spawn(join(copy.dir, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--out", copy.site], {
      cwd: copy.dir,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env},
      stdio: ["ignore", "pipe", "pipe"]
    });
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const at = performance.now();
        const parts = (rest + chunk).split("\n");
        rest = parts.pop() ?? "";
        for (const text of parts) lines.push({at, text});
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - startedAt;
      const ok = code === 0;
      resolve({ms, ok, phases: ok ? phasesFrom(lines, startedAt) : null, ...(ok ? {} : {tail: lines.slice(-20).map((line) => line.text)})});
    });
  });
}

export interface BuildResults {
  cold: BuildRun;
  warm: BuildRun[];
  /**
   * One more warm rebuild with the render check skipped (the build skips it when
   * it finds no Chromium at CHROMIUM_PATH): what the render check costs.
   */
  withoutRenderCheck: BuildRun | null;
}

/**
 * A cold build in a fresh copy; one rebuild without the render check; then
 * `warmRuns` rebuilds with nothing changed. The last build ran every check, and
 * its export is the site the bench measures.
 */
export async function benchBuild(copy: ProjectCopy, warmRuns: number, log: (message: string) => void): Promise<BuildResults> {
  const checked = async (what: string, env: Record<string, string> = {}) => {
    const run = await runBuild(copy, env);
    if (!run.ok) throw new Error(`the ${what} build failed:\n${run.tail?.join("\n")}`);
    log(`build: ${what} ${(run.ms / 1000).toFixed(1)} s`);
    return run;
  };
  log(`build: in ${copy.dir}`);
  const cold = await checked("cold");
  const withoutRenderCheck = warmRuns > 0 ? await checked("warm, without the render check", {CHROMIUM_PATH: join(copy.dir, "no-chromium-here")}) : null;
  const warm: BuildRun[] = [];
  for (let i = 0; i < warmRuns; ++i) warm.push(await checked(`warm ${i + 1}/${warmRuns}`));
  return {cold, warm, withoutRenderCheck};
}
