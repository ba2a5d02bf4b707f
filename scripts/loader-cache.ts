/**
 * Framework re-runs a data loader only when the loader file itself changes,
 * not when the data/ files it reads do; a stale cache would publish old
 * numbers. The build and the preview server therefore start from no cached
 * loader output (the seeded npm cache is kept).
 */
import {existsSync} from "node:fs";
import {readdir, rm} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache");
const KEPT_CACHES = new Set(["_npm", "_duckdb"]);

export async function clearLoaderOutputs(): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const entry of await readdir(cacheDir)) {
    if (!KEPT_CACHES.has(entry)) await rm(join(cacheDir, entry), {recursive: true, force: true});
  }
}
