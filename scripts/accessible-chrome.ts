/**
 * Framework 1.13's page chrome misses a few things axe-core rightly flags: no
 * language on <html>, a sidebar toggle and a search box named only by a title
 * or placeholder, and a <label> sitting inside the sidebar's <ol>. These are
 * fixed in the built HTML, the way every page reaches readers.
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export const PAGE_LANGUAGE = "en-GB";

const REPAIRS: [RegExp, string][] = [
  [/<html>/, `<html lang="${PAGE_LANGUAGE}">`],
  [/<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/, `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Toggle sidebar">`],
  [/<div id="observablehq-search"><input type="search" placeholder="Search">/, `<div id="observablehq-search" role="search"><input type="search" placeholder="Search" aria-label="Search this notebook">`],
  [/<ol>\n(\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>)\n/, `$2\n  <ol>\n`]
];

export function repairPage(html: string): string {
  return REPAIRS.reduce((page, [pattern, replacement]) => page.replace(pattern, replacement), html);
}

export async function repairSite(dir: string): Promise<void> {
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const html = await readFile(path, "utf8");
    const repaired = repairPage(html);
    if (repaired !== html) await writeFile(path, repaired);
  }
}
