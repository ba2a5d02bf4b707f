import {at} from "../../../src/lib/story/checked-lookups.js";
import {test} from "node:test";
import assert from "node:assert/strict";
import {build} from "esbuild";
import {CONTENTS, arrowWithoutEval} from "../../../scripts/export/arrow-without-eval.js";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {projectRoot} from "../../helpers/site.js";

type IsValid = (nullValues?: unknown[]) => (value: unknown) => boolean;
// The function Apache Arrow compiles from a string, as published (a file its package exports do not name).
const original: IsValid = (await import(pathToFileURL(join(projectRoot, "node_modules", "apache-arrow", "builder", "valid.mjs")).href)).createIsValidFunction;
const replacement: IsValid = (await import(`data:text/javascript,${encodeURIComponent(CONTENTS)}`)).createIsValidFunction;

test("the closure answers as Arrow's compiled null check does", () => {
  const values = [null, undefined, 0, -0, 1, NaN, "", "N/A", "n/a", 0n, 1n, false, true, "0"];
  for (const nullValues of [undefined, [], [null, undefined], [null, "N/A", NaN], [0], [0n, ""], [false, -0]]) {
    const a = original(nullValues as unknown[]);
    const b = replacement(nullValues as unknown[]);
    for (const value of values) assert.equal(b(value), a(value), `${String(value)} with null values ${String(nullValues)}`);
  }
});

test("Arrow bundled with the plugin compiles no string", async () => {
  const bundled = await build({stdin: {contents: `export * from "apache-arrow";`, resolveDir: process.cwd(), loader: "js"}, bundle: true, format: "esm", write: false, platform: "browser", plugins: [arrowWithoutEval], logLevel: "silent"});
  const code = at(bundled.outputFiles, 0, "outputFiles").text;
  assert.doesNotMatch(code, /new Function\(/);
  const without = await build({stdin: {contents: `export * from "apache-arrow";`, resolveDir: process.cwd(), loader: "js"}, bundle: true, format: "esm", write: false, platform: "browser", logLevel: "silent"});
  assert.match(at(without.outputFiles, 0, "outputFiles").text, /new Function\(/, "without it, Arrow's bundle does");
});
