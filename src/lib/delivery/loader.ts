/**
 * How every data loader runs (src/data/loaders.ts defines them): build the output in memory, and
 * only if that succeeded write it to stdout. On bad data the loader prints the located error and
 * exits non-zero with nothing written, which stops the build.
 */
import {parseArgs} from "node:util";
import {DataError} from "../factbase/errors.js";
import {loadFactBase, type FactBase} from "../factbase/factbase.js";

export type LoaderOutput = string | Uint8Array;

/** A loader: the path it writes under src/ (with its parameter in brackets, as its file is named) and how. */
export interface Loader {
  /** "data/[table].arrow": the loader file is this with ".ts" added. */
  route: string;
  /** The bracketed parameter, when the loader writes one file for each of its values. */
  param?: {name: string; values: (facts: FactBase) => readonly string[]};
  /** The output for one value of the parameter (refused when not one of them). */
  produce: (facts: FactBase, value: string) => LoaderOutput;
}

/** A loader with one output. */
export function single(route: string, produce: (facts: FactBase) => LoaderOutput): Loader {
  return {route, produce};
}

/** A loader with an output for each value of its parameter; any other value is refused, naming those it takes. */
export function parameterized<T extends string>(route: string, name: string, values: (facts: FactBase) => readonly T[], produce: (facts: FactBase, value: T) => LoaderOutput): Loader {
  return {
    route,
    param: {name, values},
    produce(facts, value) {
      const allowed = values(facts);
      const known = allowed.find((v) => v === value);
      if (known === undefined) throw new Error(`--${name} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`);
      return produce(facts, known);
    }
  };
}

/**
 * Runs one loader as Framework runs it; a parameterized loader (`[page].json.ts`) is passed its
 * value as `--page=deaths`.
 */
export async function runLoader(loader: Loader): Promise<void> {
  let output: string | Uint8Array;
  try {
    output = loader.produce(loadFactBase(), loader.param ? argument(loader.param.name) : "");
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(`\ninvalid data: ${error.message}\n`);
    } else {
      process.stderr.write(`\n${(error as Error).stack ?? error}\n`);
    }
    process.exitCode = 1;
    return;
  }
  process.stdout.write(output);
}

/** The value of `--name=…`, or "" (which the loader refuses, naming the values it takes). */
function argument(name: string): string {
  const {values} = parseArgs({options: {[name]: {type: "string"}}, strict: false});
  const value = values[name];
  return typeof value === "string" ? value : "";
}

/** Every output of every loader, by the path Framework serves it at ("data/events.arrow"). */
export function* loaderOutputs(facts: FactBase, loaders: readonly Loader[]): Generator<{path: string; produce: () => LoaderOutput}> {
  for (const loader of loaders) {
    const {param} = loader;
    if (!param) yield {path: loader.route, produce: () => loader.produce(facts, "")};
    else for (const value of param.values(facts)) yield {path: loader.route.replace(`[${param.name}]`, value), produce: () => loader.produce(facts, value)};
  }
}
