/**
 * Saves pages as Framework writes them, before any build step, for the step
 * tests (test/steps/): run after upgrading Framework, then run the step tests
 * to see which steps no longer find the markup they change.
 *
 *   tsx scripts/tools/save-fixtures.ts
 */
import {cp, mkdir, rm, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import {runFramework} from "../export/framework.js";
import {clearLoaderOutputs, projectRoot} from "../export/loader-cache.js";
import {seedNpmCache} from "../export/seed-npm-cache.js";

/** A story page with charts, cells, sidebar, contents and pager; the SQL page; a story page whose script registers no file. */
export const FIXTURE_PAGES = ["deaths.html", "explore.html", "sources.html"];

const version: string = createRequire(import.meta.url)("@observablehq/framework/package.json").version;
export const FIXTURES = join(projectRoot, "test", "fixtures", `framework-${version}`);

const staging = join(projectRoot, `dist.fixtures-${process.pid}`);
try {
  await seedNpmCache();
  await clearLoaderOutputs();
  const {code} = await runFramework(staging);
  if (code !== 0) throw new Error(`Framework's build failed (exit ${code})`);
  await rm(FIXTURES, {recursive: true, force: true});
  await mkdir(FIXTURES, {recursive: true});
  for (const page of FIXTURE_PAGES) await cp(join(staging, page), join(FIXTURES, page));
  await writeFile(join(FIXTURES, "README.md"), `Pages as Observable Framework ${version} writes them, before the build's steps (scripts/tools/save-fixtures.ts).\n`);
  console.log(`saved ${FIXTURE_PAGES.length} pages to ${FIXTURES}`);
} finally {
  await rm(staging, {recursive: true, force: true});
}
