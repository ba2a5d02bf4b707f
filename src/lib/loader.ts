/**
 * How every data loader runs: build the output in memory, and only if that
 * succeeded write it to stdout. On bad data the loader prints the located
 * error and exits non-zero with nothing written, which stops the build.
 */
import {DataError} from "./errors.js";

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
