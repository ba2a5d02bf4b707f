/**
 * The bench's memory budget for an analyst's file (bench/budgets.ts): what the
 * file costs is its growth over the page's memory once settled with nothing
 * chosen, so that a file chosen while the page is still starting is not
 * charged with the page's own start.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {judge} from "../../../bench/budgets.js";
import {BUDGET_ROWS, type FileRun} from "../../../bench/files.js";
import type {Results} from "../../../bench/results.js";

const MB = 2 ** 20;

function run(settled: boolean, before: number, after: number): FileRun {
  return {rows: BUDGET_ROWS, settled, fileBytes: 45 * MB, firstAnswerMs: 2000, groupByMs: [30], memoryBeforeMb: before, memoryAfterMb: after, nextVisitMs: 1500, progressFirstMs: 60, progressStillMs: 700};
}

function memoryVerdicts(files: FileRun[]) {
  const results = {files, pages: null, lighthouse: null, sql: null, build: null} as unknown as Results;
  return judge(results).filter((v) => v.budget.includes("memory grows"));
}

test("a file chosen at once is charged its growth over the settled page's memory, not the page's own start", () => {
  const [settled, atOnce] = memoryVerdicts([run(true, 700, 770), run(true, 720, 790), run(true, 710, 780), run(false, 540, 790), run(false, 550, 800), run(false, 545, 795)]);
  assert.match(settled!.measured, /^70 MB \(1\.6 ×\)$/);
  // Over the settled page's median (710 MB), not over the 545 MB of a page still starting.
  assert.match(atOnce!.measured, /^85 MB \(1\.9 ×\)$/);
  assert.equal(atOnce!.pass, true);
});

test("a file that costs more than three times its size fails, chosen either way", () => {
  const verdicts = memoryVerdicts([run(true, 700, 900), run(false, 540, 900)]);
  assert.deepEqual(verdicts.map((v) => v.pass), [false, false]);
});
