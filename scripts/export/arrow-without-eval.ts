/**
 * Apache Arrow's builders make their null check by compiling a function from
 * a string (`createIsValidFunction` in `builder/valid`, `new Function`), which
 * a Content-Security-Policy without 'unsafe-eval' refuses: on the SQL page a
 * JSON or Parquet file becomes Arrow columns through those builders. This
 * esbuild plugin swaps that one function, as the npm cache is seeded, for a
 * closure that answers the same: a value is null when it is one of
 * `nullValues` (`includes` compares as the generated `switch` does, with
 * `===`, and also finds NaN, for which the generated code tests `x !== x`).
 */
import type {Plugin} from "esbuild";

const VALID_MODULE = /[\\/]apache-arrow[\\/]builder[\\/]valid\.mjs$/;

export const CONTENTS = `
/** Whether a value is not one of \`nullValues\` (see scripts/export/arrow-without-eval.ts). */
export function createIsValidFunction(nullValues) {
  if (!nullValues || nullValues.length <= 0) return function isValid() { return true; };
  const nulls = [...nullValues];
  return function isValid(x) { return !nulls.includes(x); };
}
`;

export const arrowWithoutEval: Plugin = {
  name: "arrow-without-eval",
  setup(build) {
    build.onLoad({filter: VALID_MODULE}, () => ({contents: CONTENTS, loader: "js"}));
  }
};
