/**
 * The one way to build the static export. It fills Framework's npm cache from
 * node_modules (no network), clears cached loader output when the loaders'
 * inputs changed (Framework re-runs a loader only when the loader itself
 * changes, not when data/ does), builds into
 * a temporary folder and swaps it in for the output folder only when the build
 * and the checks on it succeed: a failed build leaves the previous export intact.
 *
 *   tsx scripts/build.ts            build into dist/
 *   tsx scripts/build.ts --out DIR  build into DIR
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {copyFile, mkdir, rename, rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {repairSite} from "./accessible-chrome.js";
import {findThirdPartyLoads} from "./check-export.js";
import {writeFiguresSheet} from "./figures-sheet.js";
import {alreadyChecked, canRenderCheck, exportDigest, rememberChecked, renderCheck} from "./render-check.js";
import {launchBrowser} from "./chromium.js";
import {prerenderCells} from "./static-cells.js";
import {deferSiteScripts} from "./deferred-start.js";
import {alreadyFinished, finishingInputs, rememberFinished} from "./export-cache.js";
import {externaliseSiteDownloads} from "./download-links.js";
import {RewriteError} from "./static-html.js";
import {serve} from "./static-server.js";
import {clearLoaderOutputs, projectRoot} from "./loader-cache.js";
import {secureSite} from "./content-security-policy.js";
import {seedNpmCache} from "./seed-npm-cache.js";
import {stabiliseFileDates} from "./stable-dates.js";


function parseOutput(argv: string[]): string {
  const i = argv.indexOf("--out");
  return resolve(projectRoot, i >= 0 ? argv[i + 1] : "dist");
}

/** Draws the charts at build, in a child process: it puts a DOM on the global object. */
function drawStaticCharts(site: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/node/npm-specifiers.ts", "scripts/static-charts.ts", site], {cwd: projectRoot, stdio: "inherit"});
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}

/** Once every page holds its drawings: what a reader does not need before the first paint leaves the HTML. */
async function lightenPages(site: string, {cellsDrawn}: {cellsDrawn: boolean}): Promise<void> {
  console.log(`downloads: ${await externaliseSiteDownloads(site)} CSV files written for the static links`);
  // A page is complete without its script only when its cells were drawn at build.
  if (cellsDrawn) console.log(`deferred start: ${await deferSiteScripts(site)} pages start their scripts after the first paint`);
  // Last of the rewrites: the policy hashes each inline script as it will be served (the render check then runs under it).
  console.log(`content security policy: ${await secureSite(site)} pages connect only to their own origin`);
}

function runFramework(output: string): Promise<number> {
  const bin = join(projectRoot, "node_modules", ".bin", "observable");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["build"], {
      cwd: projectRoot,
      stdio: "inherit",
      env: {
        ...process.env,
        OBSERVABLE_OUTPUT: output,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH}`
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}

async function main(): Promise<number> {
  const output = parseOutput(process.argv.slice(2));
  const staging = `${output}.building-${process.pid}`;
  const retired = `${output}.previous-${process.pid}`;
  const started = performance.now();
  const phase = (name: string) => console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s since the build started`);
  await seedNpmCache();
  await clearLoaderOutputs();
  phase("caches ready");
  await rm(staging, {recursive: true, force: true});
  try {
    const code = await runFramework(staging);
    if (code !== 0) {
      console.error(`\nbuild failed (exit ${code}); ${output} was left as it was.`);
      return code;
    }
    phase("Framework build done");
    await repairSite(staging);
    await stabiliseFileDates(staging);
    await writeFiguresSheet(staging);
    const inputs = await finishingInputs(staging, {browser: canRenderCheck()});
    let exported: string;
    if (await alreadyFinished(output, inputs)) {
      phase("checks done");
      console.log(`\nnothing changed: ${output} is already this export, and was kept`);
      return 0;
    }
    // Charts drawn at build into every page, the light embed pages and the chart images.
    const drawn = await drawStaticCharts(staging);
    if (drawn !== 0) {
      console.error(`\nbuild refused: the charts could not be drawn at build; ${output} was left as it was.`);
      return drawn;
    }
    phase("charts drawn");
    // The embed snippet is not imported by any page, so Framework would not copy it.
    await mkdir(join(staging, "embed"), {recursive: true});
    await copyFile(join(projectRoot, "src", "embed", "resize.js"), join(staging, "embed", "resize.js"));
    const thirdParty = await findThirdPartyLoads(staging);
    if (thirdParty.length > 0) {
      for (const {file, url} of thirdParty) console.error(`${file}: loads ${url} from another origin`);
      console.error(`\nbuild refused: pages would load from other origins; ${output} was left as it was.`);
      return 1;
    }
    if (canRenderCheck()) {
      // One browser and one server for both: the cells drawn at build, then the check of the result.
      const server = await serve(staging);
      const browser = await launchBrowser();
      try {
        try {
          const {cells, pages} = await prerenderCells(browser, staging, server.origin, server.url);
          console.log(`static cells: ${cells} cells written into ${pages} pages`);
        } catch (error) {
          if (!(error instanceof RewriteError)) throw error;
          console.error(`static cells: ${error.message}`);
          console.error(`\nbuild refused: the cells could not be drawn at build; ${output} was left as it was.`);
          return 1;
        }
        phase("cells drawn");
        await lightenPages(staging, {cellsDrawn: true});
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
      await lightenPages(staging, {cellsDrawn: false});
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
  }
}

process.exitCode = await main();
