/** Cancel stops a query's run wherever it is, including before the runner has it. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {QueryCancelled} from "../../../src/components/workbench/duckdb-runner.js";
import {queryRuns} from "../../../src/components/workbench/query-runs.js";

const never = new Promise<never>(() => undefined);

test("a cancel while the query waits to be parsed stops the run, and the runner is told", async () => {
  let runnerCancels = 0;
  const runs = queryRuns(() => runnerCancels++);
  const run = runs.begin();
  const parsing = run.until(never);
  runs.cancel();
  await assert.rejects(parsing, QueryCancelled);
  assert.equal(runnerCancels, 1);
});

test("a run that is not cancelled settles as its steps do", async () => {
  const runs = queryRuns(() => undefined);
  const run = runs.begin();
  assert.equal(await run.until(Promise.resolve(42)), 42);
  await assert.rejects(run.until(Promise.reject(new Error("Parser Error"))), /Parser Error/);
});

test("a cancel stops only the current run; the next one starts clean", async () => {
  const runs = queryRuns(() => undefined);
  const first = runs.begin();
  const second = runs.begin();
  const waiting = first.until(never);
  let firstSettled = false;
  waiting.catch(() => undefined).finally(() => (firstSettled = true));
  runs.cancel();
  await assert.rejects(second.until(never), QueryCancelled);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(firstSettled, false, "a superseded run is left to its own end, which the workbench ignores");
  const third = runs.begin();
  assert.equal(await third.until(Promise.resolve("next")), "next");
});
