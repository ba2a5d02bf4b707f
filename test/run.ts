/**
 * Runs the tests in tiers, chosen by a test file's folder:
 *
 *   tsx test/run.ts fast   the fast tier (`npm run test:fast`): every test/<folder>/*.test.ts
 *                          but test/build/ and test/browser/: no build, no browser, no
 *                          network; unit tests and build steps tried on saved pages
 *   tsx test/run.ts        everything (`npm run test:run`, which `npm test` runs after the
 *                          build): the tests of the built export first, then the fast tier
 *
 * Files run in parallel, each in its own process (node --test). So a test file
 * shares nothing with another but the project as it is: test/build/ and
 * test/browser/ only read dist/ (the browser tests check it did not change),
 * and a test that builds or previews other input does it in a copy of the
 * project (test/helpers/project-copy.ts). A new folder under test/ joins the
 * fast tier unless it needs the export, in which case it belongs in build/ or browser/.
 * Arguments after the tier go to node's runner (for example --test-reporter=tap).
 */
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {run} from "node:test";
import {spec} from "node:test/reporters";
import {fileURLToPath} from "node:url";

const testDir = fileURLToPath(new URL(".", import.meta.url));
/** Folders whose tests read the built export; the slow tier. */
const NEEDS_EXPORT = ["build", "browser"];
/**
 * Files at once: one a core. More does not help: the builds and the browsers keep both cores busy
 * (the whole suite took 703 s two at a time and 732 s four at a time, on a quiet machine), and with
 * three on two cores shared with other work the SQL page's first queries overran their 30 s.
 * SHFT_TEST_CONCURRENCY sets it for the whole suite, to measure that again.
 */
const CONCURRENCY = {fast: 2, all: Number(process.env.SHFT_TEST_CONCURRENCY ?? 2)};

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

const tier = process.argv[2] ?? "all";
if (tier !== "fast" && tier !== "all") {
  console.error(`unknown tier "${tier}": use "fast" or "all"`);
  process.exit(2);
}
// Files start in this order (node's command line would sort them): the longest, the builds and
// the browsers, first; the short ones fill the end.
const files = tier === "fast" ? fastFiles : [...NEEDS_EXPORT.flatMap(testFiles), ...fastFiles];
const started = performance.now();
const durations = new Map<string, number>();
// Each file runs in a child node, which gets this process's --import tsx.
const stream = run({files, concurrency: CONCURRENCY[tier]});
stream.on("test:fail", () => (process.exitCode = 1));
stream.on("test:complete", ({name, file, details}) => {
  if (name === file) durations.set(relative(process.cwd(), file), details.duration_ms);
});
const report = stream.compose(new spec());
report.pipe(process.stdout);
report.on("end", () => {
  const slowest = [...durations].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.SHFT_SLOWEST ?? 10));
  console.log(`\n${files.length} files in ${((performance.now() - started) / 1000).toFixed(0)} s, ${CONCURRENCY[tier]} at a time; the slowest:`);
  for (const [file, ms] of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
});
