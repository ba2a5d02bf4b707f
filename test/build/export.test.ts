/**
 * The export itself: it builds with the network cut off, gives the same bytes
 * twice, loads nothing from another origin, and a failed build (a malformed
 * data file) exits non-zero with the located error while the previous export
 * stays byte-for-byte as it was.
 *
 * These tests run real builds (about half a minute each) into folders of their
 * own; dist/ itself is only read.
 */
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {after, test} from "node:test";
import {findThirdPartyLoads} from "../../scripts/check-export.js";
import {assertBuilt, distDir, projectRoot} from "../helpers/site.js";

const scratch = mkdtempSync(join(projectRoot, ".test-builds-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

function build(out: string, {offline = false, env = {}}: {offline?: boolean; env?: Record<string, string>} = {}) {
  const command = ["node_modules/.bin/tsx", "scripts/build.ts", "--out", out];
  // A new network namespace has no network at all; its loopback is brought up for the render check's local server.
  const [bin, ...args] = offline ? ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "build", ...command] : command;
  return spawnSync(bin, args, {cwd: projectRoot, encoding: "utf8", env: {...process.env, ...env}, timeout: 300_000});
}

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

test("a build with the network cut off gives the same files as dist/", () => {
  assertBuilt();
  const out = join(scratch, "offline");
  const result = build(out, {offline: true});
  assert.equal(result.status, 0, `offline build failed:\n${result.stdout}\n${result.stderr}`);
  // Framework logs each download it attempts as "npm:<name> →"; none may happen.
  assert.doesNotMatch(result.stdout, /npm:\S+ →|unable to fetch|ENOTFOUND|getaddrinfo/);
  const built = fingerprint(out);
  const published = fingerprint(distDir);
  assert.deepEqual([...built.keys()].sort(), [...published.keys()].sort());
  for (const [file, hash] of built) assert.equal(hash, published.get(file), `${file} differs between two builds of the same commit`);
});

test("a malformed data file stops the build, names file, line and column, and keeps the previous export", () => {
  const out = join(scratch, "kept");
  cpSync(distDir, out, {recursive: true});
  const before = fingerprint(out);
  const data = join(scratch, "bad-data");
  cpSync(join(projectRoot, "data"), data, {recursive: true});
  const csv = join(data, "mazars_figures.csv");
  const lines = readFileSync(csv, "utf8").split("\n");
  const line = lines.findIndex((l) => l.startsWith("deaths_unexpected,"));
  lines[line] = lines[line].replace(",722,", ",seven hundred,");
  writeFileSync(csv, lines.join("\n"));
  const result = build(out, {env: {SHFT_DATA_DIR: data}});
  assert.notEqual(result.status, 0, "the build should fail");
  const output = result.stdout + result.stderr;
  assert.match(output, new RegExp(`mazars_figures\\.csv:${line + 1}:\\d+: column 'value': expected a number, got "seven hundred"`));
  assert.ok(existsSync(out));
  assert.deepEqual(fingerprint(out), before, "the previous export changed");
});
