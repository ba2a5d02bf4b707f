/**
 * Runs the tests in tiers, chosen by a test file's folder:
 *
 *   tsx test/run.ts fast   the fast tier (`npm run test:fast`): every test/<folder>/*.test.ts
 *                          but test/build/ and test/browser/: no build, no browser, no
 *                          network; unit tests and build steps tried on saved pages
 *   tsx test/run.ts all    everything, on the export in dist/ (`npm run test:run`): the tests
 *                          of the built export first, then the fast tier
 *   tsx test/run.ts build  what `npm test` runs: the type check, the build and the fast tier at
 *                          once, then the tests of the export the build wrote. The build keeps
 *                          about one core busy (Framework and the drawing of the charts are
 *                          one process each), so the type check and the fast tier take the other.
 *
 * Files run in parallel, each in its own process (node --test). So a test file
 * shares nothing with another but the project as it is: test/build/ and
 * test/browser/ only read dist/ (the browser tests check it did not change),
 * and a test that builds or previews other input does it in a copy of the
 * project (test/helpers/project-copy.ts). A new folder under test/ joins the
 * fast tier unless it needs the export, in which case it belongs in build/ or browser/.
 * SHFT_SLOWEST sets how many of the slowest files the summary lists (10).
 */
import {spawn} from "node:child_process";
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {run} from "node:test";
import {spec} from "node:test/reporters";
import {fileURLToPath} from "node:url";

const testDir = fileURLToPath(new URL(".", import.meta.url));
const projectRoot = join(testDir, "..");
/** Folders whose tests read the built export; the slow tier. */
const NEEDS_EXPORT = ["build", "browser"];
/**
 * Files at once: one a core. More does not help: the builds and the browsers keep both cores busy
 * (the whole suite took 703 s two at a time and 732 s four at a time, on a quiet machine), and with
 * three on two cores shared with other work the SQL page's first queries overran their 30 s.
 * SHFT_TEST_CONCURRENCY sets it for the tests of the export, to measure that again.
 */
const CONCURRENCY = {fast: 2, export: Number(process.env.SHFT_TEST_CONCURRENCY ?? 2), besideBuild: 1};
/**
 * The longest a test file may run (the slowest takes about 150 s): a file that hangs (a page
 * that never answers) fails, named, and the rest of the suite still reports, rather than the
 * whole run waiting on it until CI gives up with no report at all.
 */
const FILE_TIMEOUT_MS = 6 * 60_000;

function testFiles(folder: string): string[] {
  return readdirSync(join(testDir, folder), {recursive: true})
    .map(String)
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(testDir, folder, name));
}

const folders = readdirSync(testDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && entry.name !== "helpers")
  .map((entry) => entry.name)
  .sort();
const fastFiles = folders.filter((folder) => !NEEDS_EXPORT.includes(folder)).flatMap(testFiles);
/**
 * The export's longest test files, longest first (measured on a quiet 2-core machine: 140–210 s,
 * 150 s, 120 s, 100 s). Started first, so that the short ones fill the end rather than one long
 * file running alone on one core while the other waits.
 */
const LONGEST_FIRST = ["build/changed-input.test.ts", "browser/pages.test.ts", "browser/explore.test.ts", "browser/embed-pages.test.ts"];
const rank = (file: string) => {
  const index = LONGEST_FIRST.findIndex((name) => file.endsWith(join(...name.split("/"))));
  return index === -1 ? LONGEST_FIRST.length : index;
};
const exportFiles = NEEDS_EXPORT.flatMap(testFiles).sort((a, b) => rank(a) - rank(b));
const unknown = LONGEST_FIRST.filter((name) => !exportFiles.some((file) => rank(file) === LONGEST_FIRST.indexOf(name)));
if (unknown.length) throw new Error(`test/run.ts names test files that do not exist: ${unknown.join(", ")}`);

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const durations = new Map<string, number>();

/** Runs test files, each in a child node (which gets this process's --import tsx), reporting to stdout; resolves when they are done. */
function runFiles(files: string[], concurrency: number): Promise<void> {
  const stream = run({files, concurrency, timeout: FILE_TIMEOUT_MS});
  stream.on("test:fail", () => (process.exitCode = 1));
  stream.on("test:complete", ({name, file, details}) => {
    if (name === file) durations.set(relative(process.cwd(), file), details.duration_ms);
  });
  const report = stream.compose(new spec());
  report.pipe(process.stdout, {end: false});
  return new Promise((resolve) => report.on("end", resolve));
}

/** Runs a command of the project's, its output held and printed whole when it ends (so it does not cut into the tests' report); resolves with its exit code. */
function runCommand(name: string, command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd: projectRoot});
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => (output += String(error)));
    child.on("close", (code) => {
      console.log(`\n── ${name}: ${code === 0 ? "done" : `failed (exit ${code})`}, ${seconds()} s since the tests started ──\n${output.trimEnd()}\n── end of ${name} ──\n`);
      resolve(code ?? 1);
    });
  });
}

async function main(tier: string): Promise<void> {
  if (tier === "fast") return runFiles(fastFiles, CONCURRENCY.fast);
  if (tier === "all") {
    await runFiles(exportFiles, CONCURRENCY.export);
    return runFiles(fastFiles, CONCURRENCY.fast);
  }
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const typecheck = runCommand("type check", join(projectRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"]);
  const build = runCommand("build", tsx, ["scripts/build.ts"]);
  const fast = runFiles(fastFiles, CONCURRENCY.besideBuild);
  const built = (await build) === 0;
  // The export's tests start as soon as it is there, beside what is left of the fast tier.
  const exported = built ? runFiles(exportFiles, CONCURRENCY.export) : Promise.resolve();
  if (!built) console.error("the build failed: the tests of the export were not run");
  const typed = (await typecheck) === 0;
  await Promise.all([fast, exported]);
  if (!built || !typed) process.exitCode = 1;
}

const tier = process.argv[2] ?? "all";
if (!["fast", "all", "build"].includes(tier)) {
  console.error(`unknown tier "${tier}": use "fast", "all" or "build"`);
  process.exit(2);
}
await main(tier);
const slowest = [...durations].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SHFT_SLOWEST ?? 10));
console.log(`\n${durations.size} files in ${seconds()} s; the slowest:`);
for (const [file, ms] of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
