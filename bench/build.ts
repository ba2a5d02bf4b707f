/**
 * Times the project's own build (scripts/build.ts) in a private copy of the
 * project, so that the bench neither empties nor refills the caches of anyone
 * building in the working tree: the copy has the project's files and a link
 * to node_modules, but no .git, dist/ or Framework cache. Its first build is
 * cold; the following ones are warm, with nothing changed. The last build's
 * export is the site the bench measures.
 */
import {at} from "../src/lib/story/checked-lookups.js";
import {spawn} from "node:child_process";
import {cp, mkdtemp, symlink} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {performance} from "node:perf_hooks";

export interface ProjectCopy {
  /** The folder holding the copy; remove it when done. */
  base: string;
  dir: string;
  /** Where the copy's builds export to. */
  site: string;
}

export interface BuildResults {
  coldMs: number;
  warmMs: number[];
}

export async function copyProject(projectRoot: string): Promise<ProjectCopy> {
  const base = await mkdtemp(join(tmpdir(), "bench-build-"));
  const dir = join(base, "project");
  const copied = (source: string) => {
    const path = relative(projectRoot, source);
    const [top = ""] = path.split(sep);
    return ![".git", "node_modules", "bench", "test-results"].includes(top) && !/^dist($|\.)/.test(top) && !path.startsWith(join("src", ".observablehq"));
  };
  await cp(projectRoot, dir, {recursive: true, filter: copied});
  await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return {base, dir, site: join(base, "site")};
}

/** One build; its wall time, or an error with the build's last lines. */
function build(copy: ProjectCopy): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(join(copy.dir, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--out", copy.site], {
      cwd: copy.dir,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
      stdio: ["ignore", "pipe", "pipe"]
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`the build failed:\n${output}`))));
  });
}

export async function benchBuild(copy: ProjectCopy, warmRuns: number, log: (message: string) => void): Promise<BuildResults> {
  const coldMs = await build(copy);
  log(`build: cold ${(coldMs / 1000).toFixed(1)} s`);
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns; ++i) {
    warmMs.push(await build(copy));
    log(`build: warm ${i + 1}/${warmRuns} ${(at(warmMs, i, "warm runs") / 1000).toFixed(1)} s`);
  }
  return {coldMs, warmMs};
}
