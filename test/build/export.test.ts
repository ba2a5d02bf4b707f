/**
 * The export itself: it builds with the network cut off, gives the same bytes
 * twice, loads nothing from another origin, and a failed build (a malformed
 * data file) exits non-zero with the located error while the previous export
 * stays byte-for-byte as it was.
 *
 * The builds run in a copy of the project (test/helpers/project-copy.ts), one
 * after the other: the second build of the same commit, then the failed one
 * over its export. dist/ itself is only read.
 */
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {tmpdir} from "node:os";
import {after, test} from "node:test";
import {findThirdPartyLoads} from "../../scripts/check-export.js";
import {buildIn, copyProject} from "../helpers/project-copy.js";
import {assertBuilt, distDir} from "../helpers/site.js";

const scratch = mkdtempSync(join(tmpdir(), "shft-export-test-"));
const copy = copyProject();
after(() => {
  rmSync(scratch, {recursive: true, force: true});
  copy.remove();
});

/** Every file under dir with the hash of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return files;
}

test("the export loads nothing from another origin", async () => {
  assertBuilt();
  assert.deepEqual(await findThirdPartyLoads(distDir), []);
});

test("the third-party check itself catches a page that loads from a CDN", async () => {
  const site = join(scratch, "cdn-site");
  cpSync(distDir, site, {recursive: true});
  const index = join(site, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">\n</head>'));
  assert.deepEqual(await findThirdPartyLoads(site), [{file: "index.html", url: "https://fonts.googleapis.com/css2?family=X"}]);
});

test("a build with the network cut off gives the same files as dist/", async () => {
  assertBuilt();
  const result = await buildIn(copy, {offline: true});
  assert.equal(result.status, 0, `offline build failed:\n${result.stdout}\n${result.stderr}`);
  // Framework logs each download it attempts as "npm:<name> →"; none may happen.
  assert.doesNotMatch(result.stdout, /npm:\S+ →|unable to fetch|ENOTFOUND|getaddrinfo/);
  const built = fingerprint(copy.dist);
  const published = fingerprint(distDir);
  assert.deepEqual([...built.keys()].sort(), [...published.keys()].sort());
  for (const [file, hash] of built) assert.equal(hash, published.get(file), `${file} differs between two builds of the same commit`);
});

test("a malformed data file stops the build, names file, line and column, and keeps the previous export", async () => {
  // The previous export: the copy's own, from the test above, or dist/'s files if that one failed.
  if (!existsSync(join(copy.dist, "index.html"))) cpSync(distDir, copy.dist, {recursive: true});
  const before = fingerprint(copy.dist);
  const csv = join(copy.root, "data", "mazars_figures.csv");
  const lines = readFileSync(csv, "utf8").split("\n");
  const line = lines.findIndex((l) => l.startsWith("deaths_unexpected,"));
  lines[line] = lines[line]!.replace(",722,", ",seven hundred,");
  writeFileSync(csv, lines.join("\n"));
  const result = await buildIn(copy);
  assert.notEqual(result.status, 0, "the build should fail");
  const output = result.stdout + result.stderr;
  assert.match(output, new RegExp(`mazars_figures\\.csv:${line + 1}:\\d+: column 'value': expected a number, got "seven hundred"`));
  assert.ok(existsSync(copy.dist));
  assert.deepEqual(fingerprint(copy.dist), before, "the previous export changed");
});
