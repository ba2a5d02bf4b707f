/**
 * How every data loader runs: build the output in memory, and only if that
 * succeeded write it to stdout. On bad data the loader prints the located
 * error and exits non-zero with nothing written, which stops the build.
 */
import {parseArgs} from "node:util";
import {DataError} from "../factbase/errors.js";

export async function runLoader(produce: () => string | Uint8Array | Promise<string | Uint8Array>): Promise<void> {
  let output: string | Uint8Array;
  try {
    output = await produce();
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

/**
 * The parameter of a parameterized loader (`[page].json.ts`), which Framework
 * passes as `--page=deaths`; one of `allowed`, or the loader fails.
 */
export function loaderParam<T extends string>(name: string, allowed: readonly T[]): T {
  const {values} = parseArgs({options: {[name]: {type: "string"}}, strict: false});
  const value = values[name];
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw new Error(`--${name} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value ?? null)}`);
  }
  return value as T;
}
