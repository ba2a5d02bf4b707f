/**
 * Compares two exports page for page and lists the files that differ.
 *
 *   tsx scripts/tools/compare-export.ts BEFORE AFTER [--hashes]
 *
 * Normalised, and only these: an HTML page is compared as the document it
 * parses to (serialised again by one parser, so `<html>` on its own line or an
 * empty attribute written `=""` is the same page); and, with --hashes, the
 * eight-hex-digit content hashes Framework and the build put in file names
 * (`style.c8348332.css`), which change whenever a module's bytes do. Exits 1
 * when a file differs or is missing on one side.
 */
import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {openPage, serialisePage} from "../steps/document.js";

const HASH = /\.[0-9a-f]{8}(?=\.[a-z0-9]+\b)/g;
const TEXT = /\.(html|js|css|json|csv|svg|txt|md)$/;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = Math.max(0, i - 60);
  return `at character ${i}:\n    before: ${JSON.stringify(a.slice(at, i + 100))}\n    after:  ${JSON.stringify(b.slice(at, i + 100))}`;
}

export async function compareExports(before: string, after: string, {hashes = false} = {}): Promise<{onlyBefore: string[]; onlyAfter: string[]; differing: {file: string; where: string}[]; same: number}> {
  const name = (file: string) => (hashes ? file.replace(HASH, ".HASH") : file);
  const index = async (dir: string) => new Map((await files(dir)).map((file) => [name(file), file]));
  const [a, b] = [await index(before), await index(after)];
  const onlyBefore = [...a.keys()].filter((key) => !b.has(key));
  const onlyAfter = [...b.keys()].filter((key) => !a.has(key));
  const differing: {file: string; where: string}[] = [];
  let same = 0;
  for (const [key, fileA] of a) {
    const fileB = b.get(key);
    if (!fileB) continue;
    const [bytesA, bytesB] = [await readFile(join(before, fileA)), await readFile(join(after, fileB))];
    if (bytesA.equals(bytesB)) {
      same += 1;
      continue;
    }
    if (!TEXT.test(key)) {
      differing.push({file: key, where: `${bytesA.length} bytes before, ${bytesB.length} after`});
      continue;
    }
    let [textA, textB] = [bytesA.toString("utf8"), bytesB.toString("utf8")];
    if (key.endsWith(".html")) [textA, textB] = [serialisePage(openPage(textA)), serialisePage(openPage(textB))];
    if (hashes) [textA, textB] = [textA.replace(HASH, ".HASH"), textB.replace(HASH, ".HASH")];
    if (textA === textB) same += 1;
    else differing.push({file: key, where: firstDifference(textA, textB)});
  }
  return {onlyBefore, onlyAfter, differing, same};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [before, after] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!before || !after) {
    console.error("usage: tsx scripts/tools/compare-export.ts BEFORE AFTER [--hashes]");
    process.exit(2);
  }
  const {onlyBefore, onlyAfter, differing, same} = await compareExports(before, after, {hashes: process.argv.includes("--hashes")});
  for (const file of onlyBefore) console.log(`only in ${before}: ${file}`);
  for (const file of onlyAfter) console.log(`only in ${after}: ${file}`);
  for (const {file, where} of differing) console.log(`differs: ${file} ${where}`);
  console.log(`${same} files the same, ${differing.length} differ, ${onlyBefore.length + onlyAfter.length} on one side only`);
  process.exitCode = differing.length + onlyBefore.length + onlyAfter.length > 0 ? 1 : 0;
}
