/**
 * The landing page's dateline: when the story was first published and when
 * its data last changed, in words, with the newsroom's credit line
 * (src/theme.ts). Both dates come from the repository's history (the first
 * commit of the landing page, the newest commit of data/), so two builds of
 * one commit write the same bytes; a copy without its history, or data read
 * from another folder, falls back to the latest date the data states.
 */
import {execFileSync} from "node:child_process";
import {readFile, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {THEME} from "../src/theme.js";
import {formatDate} from "../src/lib/format.js";
import {projectRoot} from "./loader-cache.js";
import {RewriteError} from "./static-html.js";
import {dataDate} from "./stable-dates.js";

/** The page that carries it, and the empty element the page leaves for it. */
const PAGE = "index.html";
const SLOT = /<p class="dateline" data-dateline(?:="")?><\/p>/;

/** A commit's date (UTC, "2026-12-03"), from `git log` with `args`; null without a repository or a commit. */
function commitDay(args: string[]): string | null {
  try {
    const out = execFileSync("git", ["log", "--format=%ct", ...args], {cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim().split("\n");
    // With --reverse the first line is the oldest commit, without it the newest.
    const seconds = Number(out[0]);
    return out[0] && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().slice(0, 10) : null;
  } catch {
    return null;
  }
}

export interface Dateline {
  published: string;
  updated: string;
}

export function dateline(): Dateline {
  const fallback = new Date(dataDate()).toISOString().slice(0, 10);
  // Data read from elsewhere (SHFT_DATA_DIR) has no history here: its own latest date stands for its last change.
  const ownData = !process.env.SHFT_DATA_DIR || resolve(process.env.SHFT_DATA_DIR) === join(projectRoot, "data");
  const updated = (ownData ? commitDay(["-1", "--", "data"]) : null) ?? fallback;
  const published = commitDay(["--reverse", "--", "src/index.md"]) ?? updated;
  return {published, updated: updated < published ? published : updated};
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function datelineHtml({published, updated}: Dateline, credit = THEME.credit): string {
  const when = (iso: string) => `<time datetime="${iso}">${formatDate(iso, "day")}</time>`;
  const dates = published === updated ? `Published ${when(published)}` : `Published ${when(published)} · Updated ${when(updated)}`;
  return `<p class="dateline" data-dateline>${dates}</p>\n<p class="credit">${escape(credit)}</p>`;
}

/** Writes the dateline into the landing page; a page without its slot fails the build. */
export async function writeDateline(site: string, line = dateline()): Promise<void> {
  const file = join(site, PAGE);
  const html = await readFile(file, "utf8");
  if (!SLOT.test(html)) throw new RewriteError(`${PAGE}: no <p class="dateline" data-dateline></p> for the dateline`);
  await writeFile(file, html.replace(SLOT, datelineHtml(line)));
}
