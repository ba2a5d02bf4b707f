/**
 * A chart's "Get the data (CSV)" link carries its CSV in a data: URL
 * (src/components/frame/frame.ts), which is right in the browser: the data is
 * already there. Written into the static HTML at build, though, each drawing
 * of each chart would carry it again (the timeline page held its events five
 * times over, half its bytes), and every reader would download it whether or
 * not they click. So the build writes each such CSV once, as a file named by
 * its content, and the static link points there: the page is lighter, and
 * the download works with JavaScript off. The live chart that replaces the
 * static one links to its data: URL as before.
 */
import {createHash} from "node:crypto";
import type {Step} from "./step.js";

/** Where the files go in the export, beside Framework's own content-hashed files. */
export const DOWNLOADS = "_file/downloads";

const PREFIX = "data:text/csv;charset=utf-8,";
const LINK = `a[href^="${PREFIX}"]`;

/**
 * Points each data: CSV link of a page to a file; returns the files (path inside the export → text).
 * The file keeps the link's download name, with the first eight hex digits of the SHA-256 of its
 * content, so identical data on several pages is one file and a changed one never meets a stale cache.
 */
export function externaliseDownloads(document: Document, depth: number): {files: Map<string, string>; links: number} {
  const files = new Map<string, string>();
  let links = 0;
  const toRoot = depth === 0 ? "." : Array(depth).fill("..").join("/");
  for (const link of document.querySelectorAll(LINK)) {
    const name = link.getAttribute("download");
    if (!name?.endsWith(".csv")) throw new Error(`a CSV link without a download name ending in .csv: ${link.outerHTML.slice(0, 120)}`);
    let text: string;
    try {
      text = decodeURIComponent((link.getAttribute("href") ?? "").slice(PREFIX.length));
    } catch {
      throw new Error(`the CSV link for ${name} holds a malformed data: URL`);
    }
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
    const path = `${DOWNLOADS}/${name.slice(0, -".csv".length)}.${hash}.csv`;
    files.set(path, text);
    link.setAttribute("href", `${toRoot}/${path}`);
    links += 1;
  }
  return {files, links};
}

export const downloadLinks: Step = {
  name: "download links",
  purpose: "writes each chart's CSV download once as a file named by its content, and points the static links there",
  scope: "every page",
  appliesTo: () => true,
  transform(document, page, build) {
    const {files, links} = externaliseDownloads(document, page.depth);
    for (const [path, text] of files) build.files.set(path, text);
    return links;
  },
  check(document, _page, changes) {
    if (document.querySelector(LINK)) return "a data: CSV link is left";
    // Every chart frame drawn at build offers its data.
    const frames = document.querySelectorAll(".static-chart, #embed").length;
    return frames > 0 && changes === 0 ? "the page has charts drawn at build but no CSV link to write out" : null;
  }
};
