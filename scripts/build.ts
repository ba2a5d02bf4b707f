/**
 * The one way to build the static export. It checks the data, fills Framework's npm cache from
 * node_modules (no network), clears cached loader output when the loaders'
 * inputs changed (Framework re-runs a loader only when the loader itself
 * changes, not when data/ does) and writes it afresh in one process, builds into
 * a temporary folder and swaps it in for the output folder only when the build
 * and the checks on it succeed: a failed build leaves the previous export intact.
 *
 *   tsx scripts/build.ts            build into dist/
 *   tsx scripts/build.ts --out DIR  build into DIR
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, rename, rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {findThirdPartyLoads} from "./export/check-export.js";
import {writeFiguresSheet} from "./export/figures-sheet.js";
import {alreadyChecked, canRenderCheck, exportDigest, rememberChecked, renderCheck} from "./export/render-check.js";
import {launchBrowser} from "./export/chromium.js";
import {alreadyFinished, finishingInputs, rememberFinished} from "./export/export-cache.js";
import {runFramework} from "./export/framework.js";
import {runPipeline} from "./export/pipeline.js";
import {RewriteError} from "./prerender/static-html.js";
import {serve} from "./export/static-server.js";
import {clearLoaderOutputs, fillLoaderCache, projectRoot} from "./export/loader-cache.js";
import {seedNpmCache} from "./export/seed-npm-cache.js";
import {dataDate} from "./steps/stable-dates.js";
import {DataError} from "../src/lib/factbase/errors.js";
import {loadFactBase, type FactBase} from "../src/lib/factbase/factbase.js";
import {StepError, type BuildContext, type DrawnChart} from "./steps/step.js";
import {themeCss, themeFontPreloads} from "./prerender/theme-css.js";

function parseOutput(argv: string[]): string {
  const i = argv.indexOf("--out");
  if (i < 0) return resolve(projectRoot, "dist");
  const out = argv[i + 1];
  if (out === undefined) throw new Error("--out needs a folder");
  return resolve(projectRoot, out);
}

/** Draws the charts at build, in a child process (it puts a DOM on the global object): embeds and images into the site, the pages' drawings into `drawings`. */
function drawStaticCharts(site: string, drawings: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/node/npm-specifiers.ts", "scripts/prerender/static-charts.ts", site, drawings], {cwd: projectRoot, stdio: "inherit"});
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}

/** What the page steps share: the drawings, the theme, the data's date; the browser is added where Chromium is installed. */
async function buildContext(site: string, drawings: string): Promise<BuildContext> {
  const drawn = JSON.parse(await readFile(drawings, "utf8"), (_, value) => (value === "Infinity" ? Infinity : value)) as (DrawnChart & {chart: string})[];
  return {
    site,
    charts: new Map(drawn.map(({chart, ...drawing}) => [chart, drawing])),
    themed: (await themeCss("", {serif: true})) !== "",
    themeCss: (depth) => themeCss("../".repeat(depth), {serif: true}),
    themePreloads: (depth) => themeFontPreloads("../".repeat(depth)),
    dataDate: dataDate(),
    browser: null,
    files: new Map()
  };
}

/** The one pass of the page steps; false (with the reason printed) when a step refused a page. */
async function passPages(build: BuildContext, output: string): Promise<boolean> {
  try {
    const {applied, files} = await runPipeline(build);
    console.log(`page steps: ${[...applied].map(([name, pages]) => `${name} ${pages}`).join(", ")} pages; ${files} files written`);
    return true;
  } catch (error) {
    if (!(error instanceof StepError || error instanceof RewriteError)) throw error;
    console.error(error.message);
    console.error(`\nbuild refused: a build step could not apply; ${output} was left as it was.`);
    return false;
  }
}

/** Nothing in the export may load from another origin. */
async function thirdPartyFree(site: string, output: string): Promise<boolean> {
  const thirdParty = await findThirdPartyLoads(site);
  for (const {file, url} of thirdParty) console.error(`${file}: loads ${url} from another origin`);
  if (thirdParty.length > 0) console.error(`\nbuild refused: pages would load from other origins; ${output} was left as it was.`);
  return thirdParty.length === 0;
}

async function main(): Promise<number> {
  const output = parseOutput(process.argv.slice(2));
  const staging = `${output}.building-${process.pid}`;
  const retired = `${output}.previous-${process.pid}`;
  const drawings = `${output}.drawings-${process.pid}.json`;
  const started = performance.now();
  const phase = (name: string) => console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s since the build started`);
  // The data first: a malformed file stops the build at once, named with its line and column,
  // before Framework runs the loaders that would each stop on it.
  let facts: FactBase;
  try {
    facts = loadFactBase();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    console.error(error.message);
    console.error(`\nbuild refused: the data has an error; ${output} was left as it was.`);
    return 1;
  }
  phase("data checked");
  await seedNpmCache();
  console.log(await clearLoaderOutputs());
  try {
    console.log(`loader outputs written in one process: ${await fillLoaderCache(facts)}`);
  } catch (error) {
    // A page that names an id the data does not have (src/lib/delivery/page-reads.ts).
    if (!(error instanceof DataError)) throw error;
    console.error(error.message);
    console.error(`\nbuild refused: a page names what the data does not have; ${output} was left as it was.`);
    return 1;
  }
  phase("caches ready");
  await rm(staging, {recursive: true, force: true});
  try {
    const {code, brokenLinks} = await runFramework(staging);
    if (code !== 0) {
      console.error(`\nbuild failed (exit ${code}); ${output} was left as it was.`);
      return code;
    }
    // A link to a page or a place that does not exist would reach readers as a dead end.
    if (brokenLinks.length > 0) {
      console.error(`\nbuild refused: ${brokenLinks.length} broken link${brokenLinks.length === 1 ? "" : "s"} (${brokenLinks.join("; ")}); ${output} was left as it was.`);
      return 1;
    }
    phase("Framework build done");
    await writeFiguresSheet(staging);
    const inputs = await finishingInputs(staging, {browser: canRenderCheck()});
    let exported: string;
    if (await alreadyFinished(output, inputs)) {
      phase("checks done");
      console.log(`\nnothing changed: ${output} is already this export, and was kept`);
      return 0;
    }
    // Charts drawn at build, for every page, the light embed pages and the chart images.
    const drawn = await drawStaticCharts(staging, drawings);
    if (drawn !== 0) {
      console.error(`\nbuild refused: the charts could not be drawn at build; ${output} was left as it was.`);
      return drawn;
    }
    phase("charts drawn");
    // The embed snippet is not imported by any page, so Framework would not copy it.
    await mkdir(join(staging, "embed"), {recursive: true});
    await copyFile(join(projectRoot, "src", "embed", "resize.js"), join(staging, "embed", "resize.js"));
    const build = await buildContext(staging, drawings);
    if (canRenderCheck()) {
      // One browser and one server for the cells drawn at build and the check of the result.
      const pages: Record<string, string> = {};
      const server = await serve(staging, {extra: pages});
      const browser = await launchBrowser();
      try {
        if (!(await passPages({...build, browser: {browser, server, pages}}, output))) return 1;
        phase("pages written");
        if (!(await thirdPartyFree(staging, output))) return 1;
        exported = await exportDigest(staging);
        if (await alreadyChecked(exported)) {
          console.log("render check: this export is identical to one that already rendered cleanly");
        } else {
          const problems = await renderCheck(staging, {browser, server});
          if (problems.length > 0) {
            for (const problem of problems) console.error(problem);
            console.error(`\nbuild refused: pages failed to render; ${output} was left as it was.`);
            return 1;
          }
          await rememberChecked(exported);
          console.log("render check: every page and embed rendered");
        }
      } finally {
        await browser.close();
        await server.close();
      }
    } else {
      if (!(await passPages(build, output))) return 1;
      if (!(await thirdPartyFree(staging, output))) return 1;
      exported = await exportDigest(staging);
      console.warn("static cells and render check skipped: Chromium not found (scripts/ensure-chromium.sh installs it); the pages' prose fills in only with JavaScript, and the export was not opened in a browser.");
    }
    phase("checks done");
    if (existsSync(output)) await rename(output, retired);
    await rename(staging, output);
    await rm(retired, {recursive: true, force: true});
    await rememberFinished(output, inputs, exported);
    console.log(`\nexported to ${output}`);
    return 0;
  } finally {
    await rm(staging, {recursive: true, force: true});
    await rm(drawings, {force: true});
  }
}

process.exitCode = await main();
