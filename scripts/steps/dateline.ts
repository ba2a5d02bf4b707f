/**
 * The landing page's dateline: when the story was first published and when
 * its data last changed, in words, with the newsroom's credit line
 * (src/theme.ts). Both dates come from the repository's history (the first
 * commit of the landing page, the newest commit of data/), so two builds of
 * one commit write the same bytes; a copy without its history, or data read
 * from another folder, falls back to the latest date the data states.
 */
import {execFileSync} from "node:child_process";
import {join, resolve} from "node:path";
import {THEME} from "../../src/theme.js";
import {escapeHtml, formatDate} from "../../src/lib/story/format.js";
import {projectRoot} from "../export/loader-cache.js";
import {dataDate} from "./stable-dates.js";
import type {Step} from "./step.js";

/** The empty element the landing page leaves for the dateline. */
const SLOT = "p.dateline[data-dateline]";

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

export function datelineHtml({published, updated}: Dateline, credit = THEME.credit): string {
  const when = (iso: string) => `<time datetime="${iso}">${formatDate(iso, "day")}</time>`;
  const dates = published === updated ? `Published ${when(published)}` : `Published ${when(published)} · Updated ${when(updated)}`;
  return `<p class="dateline" data-dateline>${dates}</p>\n<p class="credit">${escapeHtml(credit)}</p>`;
}

export const datelineStep: Step = {
  name: "dateline",
  purpose: "writes the landing page's dateline (first published, last updated from the data's history) and the newsroom's credit line",
  scope: "the landing page",
  appliesTo: (page) => page.path === "/",
  transform(document) {
    const slot = document.querySelector(SLOT);
    if (!slot) return 0;
    slot.outerHTML = datelineHtml(dateline());
    return 1;
  },
  check: (document, _page, changes) => (changes === 1 && document.querySelector("p.dateline time") ? null : `no <p class="dateline" data-dateline></p> for the dateline`)
};
