/**
 * After Framework has built the pages, the build draws the charts and cells
 * into them, lightens them and opens every page in a browser: most of a
 * rebuild's time. What those steps make depends only on what Framework wrote,
 * on the code and data they read and on whether a browser is there. So a
 * stamp keeps the digest of those inputs beside the digest of the export they
 * made; when both still hold (the inputs are the same and the output folder is
 * still that export, byte for byte), the build keeps the output as it is.
 */
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {projectRoot} from "./loader-cache.js";
import {hashFolders, writeStamp} from "./stamps.js";

const STAMP = join(projectRoot, "src", ".observablehq", "finished-export.json");

/** What the steps after Framework's build read: its output, the code that draws and rewrites, the data, the theme. */
const READ_BY_FINISHING = ["scripts", "src/components", "src/lib", "src/embed", "data"];
const FILES_READ = ["src/theme.ts", "src/style.css", "package-lock.json"];

interface Stamp {
  output: string;
  inputs: string;
  exported: string;
}

export async function finishingInputs(staging: string, {browser}: {browser: boolean}): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await hashFolders([staging, ...READ_BY_FINISHING.map((folder) => join(projectRoot, folder))]));
  for (const file of FILES_READ) hash.update(`\0${file}\0`).update(await readFile(join(projectRoot, file)));
  return hash.update(browser ? "\0browser" : "\0no browser").digest("hex");
}

/** True when `output` is still the export these same inputs made last time. */
export async function alreadyFinished(output: string, inputs: string, stampPath = STAMP): Promise<boolean> {
  if (!existsSync(stampPath) || !existsSync(output)) return false;
  const stamp = JSON.parse(await readFile(stampPath, "utf8")) as Stamp;
  return stamp.output === output && stamp.inputs === inputs && (await hashFolders([output])) === stamp.exported;
}

export function rememberFinished(output: string, inputs: string, exported: string, stampPath = STAMP): Promise<void> {
  return writeStamp(stampPath, JSON.stringify({output, inputs, exported} satisfies Stamp));
}
