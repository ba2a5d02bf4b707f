/**
 * A chart's "Get the data (CSV)" link carries its CSV in a data: URL
 * (src/components/frame.ts), which is right in the browser: the data is
 * already there. Written into the static HTML at build, though, each drawing
 * of each chart would carry it again (the timeline page held its events five
 * times over, half its bytes), and every reader would download it whether or
 * not they click. So the build writes each such CSV once, as a file named by
 * its content, and the static link points there: the page is lighter, and
 * the download works with JavaScript off. The live chart that replaces the
 * static one links to its data: URL as before.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {htmlFiles} from "./static-server.js";

/** Where the files go in the export, beside Framework's own content-hashed files. */
export const DOWNLOADS = "_file/downloads";

const PREFIX = "data:text/csv;charset=utf-8,";
const LINK = /<a\b[^>]*\bhref="data:text\/csv;charset=utf-8,[^"]*"[^>]*>/g;

export interface DownloadFile {
  /** Path inside the export, e.g. `_file/downloads/funnel.1a2b3c4d.csv`. */
  path: string;
  text: string;
}

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/**
 * Rewrites the data: CSV links of one page, at `page` (its path inside the
 * export), to files; returns the page and the files it now links to. The file
 * keeps the link's download name, with the first eight hex digits of the
 * SHA-256 of its content, so identical data on several pages is one file and a
 * changed one never meets a stale cache.
 */
export function externaliseDownloads(html: string, page: string): {html: string; files: DownloadFile[]} {
  const files = new Map<string, DownloadFile>();
  const toRoot = relative(dirname(page), ".") || ".";
  const out = html.replace(LINK, (tag) => {
    const href = attribute(tag, "href")!;
    const name = attribute(tag, "download");
    if (!name?.endsWith(".csv")) throw new Error(`${page}: a CSV link without a download name ending in .csv: ${tag.slice(0, 120)}`);
    let text: string;
    try {
      text = decodeURIComponent(href.slice(PREFIX.length));
    } catch {
      throw new Error(`${page}: the CSV link for ${name} holds a malformed data: URL`);
    }
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
    const path = `${DOWNLOADS}/${name.slice(0, -".csv".length)}.${hash}.csv`;
    files.set(path, {path, text});
    return tag.replace(`href="${href}"`, `href="${toRoot}/${path}"`);
  });
  return {html: out, files: [...files.values()]};
}

/** Every HTML page of a built site: its data: CSV links become files. Returns how many files. */
export async function externaliseSiteDownloads(dir: string): Promise<number> {
  const written = new Set<string>();
  for (const file of await htmlFiles(dir)) {
    const original = await readFile(file, "utf8");
    const {html, files} = externaliseDownloads(original, relative(dir, file));
    if (html === original) continue;
    for (const {path, text} of files) {
      if (written.has(path)) continue;
      await mkdir(join(dir, dirname(path)), {recursive: true});
      await writeFile(join(dir, path), text);
      written.add(path);
    }
    await writeFile(file, html);
  }
  return written.size;
}
