/**
 * Framework re-runs a data loader only when the loader file itself changes,
 * not when the data/ files it reads, or the library code it imports, do; a
 * stale cache would publish old numbers. So the build and the preview server
 * drop cached loader output whenever any input of the loaders has changed
 * since the last run (the seeded npm cache is kept), and reuse it otherwise.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache");
const stampPath = join(projectRoot, "src", ".observablehq", "loader-inputs.sha256");
const KEPT_CACHES = new Set(["_npm", "_duckdb"]);

/** The folders whose files loaders read or import; the data folder may be another (SHFT_DATA_DIR). */
function loaderInputs(): string[] {
  const data = process.env.SHFT_DATA_DIR ?? join(projectRoot, "data");
  return [data, join(projectRoot, "src", "data"), join(projectRoot, "src", "lib"), join(projectRoot, "src", "components")];
}

async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of loaderInputs()) {
    hash.update(`\0${folder}\0`);
    const entries = (await readdir(folder, {recursive: true, withFileTypes: true})).filter((e) => e.isFile());
    const paths = entries.map((e) => join(e.parentPath ?? e.path, e.name)).sort();
    for (const path of paths) hash.update(`${relative(folder, path)}\0`).update(await readFile(path));
  }
  return hash.digest("hex");
}

export async function clearLoaderOutputs({force = false} = {}): Promise<void> {
  const stamp = await inputsHash();
  if (!force && existsSync(stampPath) && (await readFile(stampPath, "utf8")) === stamp) return;
  if (existsSync(cacheDir)) {
    for (const entry of await readdir(cacheDir)) {
      if (!KEPT_CACHES.has(entry)) await rm(join(cacheDir, entry), {recursive: true, force: true});
    }
  }
  await mkdir(dirname(stampPath), {recursive: true});
  await writeFile(stampPath, stamp);
}
