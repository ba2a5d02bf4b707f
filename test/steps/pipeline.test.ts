/**
 * The pass over the export: every page read once, the steps that apply to it
 * run in the declared order, each page written once, and nothing written
 * when a step refuses a page.
 */
import assert from "node:assert/strict";
import {mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {runPipeline} from "../../scripts/export/pipeline.js";
import {STEPS} from "../../scripts/steps/index.js";
import {StepError, type Step} from "../../scripts/steps/step.js";
import {context, drawings, fixture, markedCharts} from "./helpers.js";

const PAGES = ["deaths.html", "explore.html", "sources.html"];

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "steps-"));
  for (const page of PAGES) await writeFile(join(dir, page), fixture(page));
  return dir;
}

test("every step has a name of its own, a purpose and a scope", () => {
  assert.equal(new Set(STEPS.map((s) => s.name)).size, STEPS.length);
  for (const step of STEPS) assert.ok(step.purpose.length > 20 && step.scope.length > 3, step.name);
});

test("one pass writes every page through the steps that apply to it, and the files they made", async () => {
  const dir = await site();
  try {
    const build = context({site: dir, charts: drawings(markedCharts(fixture("deaths.html")))});
    const {applied, files} = await runPipeline(build);
    // Without a browser the cells are not drawn, so the scripts are not held back either.
    assert.deepEqual(Object.fromEntries(applied), {
      "accessible chrome": 3,
      dateline: 0,
      "stable dates": 3,
      "static charts": 2,
      "newsroom theme": 0,
      "static cells": 0,
      "download links": 3,
      "deferred start": 0,
      "content security policy": 3
    });
    // A CSV download per chart, and the hosts' header file.
    assert.equal(files, markedCharts(fixture("deaths.html")).length + 1);
    const deaths = await readFile(join(dir, "deaths.html"), "utf8");
    assert.match(deaths, /<html lang="en-GB">/);
    assert.match(deaths, /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self'/);
    assert.match(deaths, /class="static-chart"/);
    assert.match(deaths, /<meta property="og:image" content="charts\/[\w-]+\.png">/);
    assert.deepEqual(await readdir(join(dir, "_file", "downloads")).then((names) => names.length), files - 1);
    assert.match(await readFile(join(dir, "_headers"), "utf8"), /Content-Security-Policy: .*connect-src 'self'/);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});

test("a step that refuses a page stops the pass before any page is written", async () => {
  const dir = await site();
  try {
    const refusing: Step = {name: "refuses", purpose: "refuses the SQL page, as a broken step would", scope: "the SQL page", appliesTo: (page) => page.kind === "workbench", transform: () => 0, check: () => "found nothing to change"};
    await assert.rejects(runPipeline(context({site: dir}), [...STEPS.slice(0, 1), refusing]), (error: unknown) => error instanceof StepError && /explore\.html: step "refuses"/.test(error.message));
    for (const page of PAGES) assert.equal(await readFile(join(dir, page), "utf8"), fixture(page), `${page} is as Framework wrote it`);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
});

test("two passes over the same pages write the same bytes", async () => {
  const written: Map<string, string>[] = [];
  for (const _ of [1, 2]) {
    const dir = await site();
    try {
      await runPipeline(context({site: dir, charts: drawings(markedCharts(fixture("deaths.html")))}));
      const files = new Map<string, string>();
      for (const name of await readdir(dir, {recursive: true})) {
        const bytes = await readFile(join(dir, name)).catch(() => null);
        if (bytes) files.set(name, bytes.toString("base64"));
      }
      written.push(files);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  }
  assert.ok(written[0]!.size > PAGES.length, "the pass wrote its files");
  assert.deepEqual(written[1], written[0]);
});
