/**
 * Framework re-runs a data loader only when the loader file itself changes,
 * not when the data/ files or pages it reads, or the library code it imports, do; a
 * stale cache would publish old numbers. So the build and the preview server
 * drop cached loader output whenever any input of the loaders has changed
 * since the last run (the seeded npm cache is kept), and reuse it otherwise.
 */
import {existsSync} from "node:fs";
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {LOADERS} from "../../src/data/loaders.js";
import {loaderOutputs} from "../../src/lib/delivery/loader.js";
import {pageFile, storyPages} from "../../src/lib/delivery/page-reads.js";
import {dataDir, type FactBase} from "../../src/lib/factbase/factbase.js";
import {hashFolders, stampMatches, writeStamp} from "./stamps.js";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache");
const stampPath = join(projectRoot, "src", ".observablehq", "loader-inputs.sha256");
const KEPT_CACHES = new Set(["_npm", "_duckdb"]);

/** The folders whose files loaders read or import. */
function loaderInputs(): string[] {
  return [dataDir(), join(projectRoot, "src", "data"), join(projectRoot, "src", "lib"), join(projectRoot, "src", "components")];
}

/**
 * And the files: the packages they import (Arquero, Apache Arrow), since an upgrade changes what
 * they write; and the story pages, since a page's data file holds what the page names.
 */
export function loaderInputFiles(): string[] {
  return [join(projectRoot, "package-lock.json"), ...storyPages().map((page) => pageFile(page).path)];
}

/** The digest of everything loaders read; a missing input is an error, not an empty digest that always matches. */
export async function loaderInputsDigest(folders = loaderInputs(), files = loaderInputFiles()): Promise<string> {
  const missing = [...folders, ...files].filter((path) => !existsSync(path));
  if (missing.length) throw new Error(`the loader cache cannot tell whether its output is current: ${missing.join(", ")} not found`);
  const hash = createHash("sha256").update(await hashFolders(folders));
  for (const file of files) hash.update(`\0${relative(projectRoot, file)}\0`).update(await readFile(file));
  return hash.digest("hex");
}

/**
 * The preview re-runs loaders on data being edited, so the cache then holds output of inputs the
 * stamp does not describe; with the stamp gone, the next build or preview clears it. (Kept, a build
 * after the edit was undone would have published the edited numbers.)
 */
export async function forgetLoaderInputs(): Promise<void> {
  await rm(stampPath, {force: true});
}

/** Says what it did, so a build log shows whether loaders ran afresh: "kept", or how many cached outputs were dropped. */
export async function clearLoaderOutputs(): Promise<string> {
  const stamp = await loaderInputsDigest();
  if (await stampMatches(stampPath, stamp)) return "loader cache kept: the loaders' inputs are as when it was made";
  let cleared = 0;
  if (existsSync(cacheDir)) {
    for (const entry of await readdir(cacheDir)) {
      if (KEPT_CACHES.has(entry)) continue;
      await rm(join(cacheDir, entry), {recursive: true, force: true});
      cleared += 1;
    }
  }
  await writeStamp(stampPath, stamp);
  // The stamp must now describe the cache, or the next build would trust output of other inputs.
  if (!(await stampMatches(stampPath, stamp))) throw new Error(`${stampPath}: the loader inputs' stamp could not be written`);
  return `loader cache cleared (${cleared} entries): the loaders' inputs changed`;
}

/**
 * Writes each loader output that Framework's cache lacks, all in this one process, from the same
 * definitions the loader files run (src/data/loaders.ts): a process for each would spend most of
 * its time starting tsx. Written after the loader files last changed, each is fresh to Framework,
 * which serves it without running the loader; test/build/loaders.test.ts runs each loader file as
 * Framework would and finds its output in the export. Returns how many it wrote.
 */
export async function fillLoaderCache(facts: FactBase): Promise<number> {
  let written = 0;
  for (const {path, produce} of loaderOutputs(facts, Object.values(LOADERS))) {
    const file = join(cacheDir, path);
    if (existsSync(file)) continue;
    await mkdir(dirname(file), {recursive: true});
    // Whole or not at all: a half-written file would be fresh to Framework.
    await writeFile(`${file}.${process.pid}`, produce());
    await rename(`${file}.${process.pid}`, file);
    written += 1;
  }
  return written;
}
