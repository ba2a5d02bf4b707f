/**
 * Framework re-runs a data loader only when the loader file itself changes,
 * not when the data/ files it reads, or the library code it imports, do; a
 * stale cache would publish old numbers. So the build and the preview server
 * drop cached loader output whenever any input of the loaders has changed
 * since the last run (the seeded npm cache is kept), and reuse it otherwise.
 */
import {existsSync} from "node:fs";
import {readdir, rm} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {dataDir} from "../src/lib/factbase.js";
import {hashFolders, stampMatches, writeStamp} from "./stamps.js";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache");
const stampPath = join(projectRoot, "src", ".observablehq", "loader-inputs.sha256");
const KEPT_CACHES = new Set(["_npm", "_duckdb"]);

/** The folders whose files loaders read or import. */
function loaderInputs(): string[] {
  return [dataDir(), join(projectRoot, "src", "data"), join(projectRoot, "src", "lib"), join(projectRoot, "src", "components")];
}

/**
 * The preview re-runs loaders on data being edited, so the cache then holds output of inputs the
 * stamp does not describe; with the stamp gone, the next build or preview clears it. (Kept, a build
 * after the edit was undone would have published the edited numbers.)
 */
export async function forgetLoaderInputs(): Promise<void> {
  await rm(stampPath, {force: true});
}

export async function clearLoaderOutputs(): Promise<void> {
  const stamp = await hashFolders(loaderInputs());
  if (await stampMatches(stampPath, stamp)) return;
  if (existsSync(cacheDir)) {
    for (const entry of await readdir(cacheDir)) {
      if (!KEPT_CACHES.has(entry)) await rm(join(cacheDir, entry), {recursive: true, force: true});
    }
  }
  await writeStamp(stampPath, stamp);
}
