/**
 * One pass over the export's pages: each HTML file is read and parsed once,
 * every step of scripts/steps/index.ts that applies to it runs on the one
 * document, in order, and the page is written once; then the files the steps
 * made (the CSV downloads) are written. Nothing is written until every page
 * has passed every step, so a step that fails leaves the staging folder as
 * Framework and the chart drawing left it.
 */
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {htmlFiles} from "./static-server.js";
import {openPage, serialisePage} from "../steps/document.js";
import {STEPS} from "../steps/index.js";
import {pageOf, runSteps, type BuildContext, type Step} from "../steps/step.js";

export interface PassReport {
  /** Pages each step changed, by step name. */
  applied: Map<string, number>;
  files: number;
}

export async function runPipeline(build: BuildContext, steps: readonly Step[] = STEPS): Promise<PassReport> {
  const written = new Map<string, string>();
  const applied = new Map<string, number>(steps.map((step) => [step.name, 0]));
  for (const file of await htmlFiles(build.site)) {
    const page = pageOf(relative(build.site, file));
    const document = openPage(await readFile(file, "utf8"));
    for (const name of await runSteps(steps, document, page, build)) applied.set(name, applied.get(name)! + 1);
    written.set(file, serialisePage(document));
  }
  for (const [file, html] of written) await writeFile(file, html);
  for (const [path, text] of build.files) {
    await mkdir(dirname(join(build.site, path)), {recursive: true});
    await writeFile(join(build.site, path), text);
  }
  return {applied, files: build.files.size};
}
