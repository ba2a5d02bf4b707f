/**
 * Stamps let a build skip work whose inputs have not changed: a digest of the
 * inputs is kept in a small file beside the result, and the work is redone
 * only when the digest differs.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";

/**
 * A digest of every file (its path within its folder, and its bytes) under the
 * given folders. Where the folders are does not count: a build in a temporary
 * folder must match the same files built elsewhere.
 */
export async function hashFolders(folders: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const [i, folder] of folders.entries()) {
    hash.update(`\0${i}\0`);
    const entries = (await readdir(folder, {recursive: true, withFileTypes: true})).filter((e) => e.isFile());
    const paths = entries.map((e) => join(e.parentPath ?? e.path, e.name)).sort();
    for (const path of paths) hash.update(`${relative(folder, path)}\0`).update(await readFile(path));
  }
  return hash.digest("hex");
}

export async function stampMatches(path: string, digest: string): Promise<boolean> {
  return existsSync(path) && (await readFile(path, "utf8")) === digest;
}

export async function writeStamp(path: string, digest: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  await writeFile(path, digest);
}
