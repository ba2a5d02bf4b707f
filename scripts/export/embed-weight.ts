/**
 * What an embed page costs a reader to load: the page and every file it
 * refers to (scripts, stylesheets, images, and whatever those stylesheets'
 * `url()`s name, fonts included), each compressed with gzip at level 6 as most
 * hosts send it and as the benchmark counts it (bench/browser.ts). Read from
 * the files, without a browser: a font is counted even where no text uses it,
 * so this is never below what a browser transfers.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, relative, resolve} from "node:path";
import {gzipSync} from "node:zlib";

/** Editors' promise: an embed transfers at most this many bytes, gzip-compressed, in all. */
export const EMBED_GZIP_BUDGET = 40_000;

export interface EmbedWeight {
  /** The page first, then each file it loads, as paths in the site. */
  files: {path: string; gzipBytes: number}[];
  gzipBytes: number;
  /** References to files that are not in the site. */
  missing: string[];
}

/** Addresses of files a document loads: `src`, `poster`, `data` and `srcset` on any element, `href` on <link> and on SVG's <image> and <use>, `url()` and `@import` in styles. */
function references(text: string, css: boolean): string[] {
  const found: string[] = [];
  // Each pattern's address group always takes part in a match; `?? ""` is for the type alone, and "" is dropped below.
  for (const [, , url = ""] of text.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) found.push(url);
  for (const [, , url = ""] of text.matchAll(/@import\s+(["'])([^"']+)\1/g)) found.push(url);
  if (!css) {
    for (const [, url = ""] of text.matchAll(/<[a-z][^>]*?\s(?:src|poster|data)\s*=\s*"([^"]*)"/gi)) found.push(url);
    for (const [, set = ""] of text.matchAll(/<[a-z][^>]*?\ssrcset\s*=\s*"([^"]*)"/gi)) found.push(...set.split(",").map((item) => item.trim().split(/\s+/)[0] ?? ""));
    for (const [, url = ""] of text.matchAll(/<(?:image|use|feImage)\b[^>]*?\s(?:xlink:)?href\s*=\s*"([^"]*)"/g)) found.push(url);
    for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
      const href = /\shref\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
      if (href) found.push(href);
    }
  }
  return found.map((url) => url.replace(/&amp;/g, "&")).filter((url) => url && !/^(data|blob|about|javascript):|^#/i.test(url));
}

/** The weight of the page at `file` (an absolute path inside `site`). Addresses off the site count as missing. */
export function embedWeight(site: string, file: string): EmbedWeight {
  const weight: EmbedWeight = {files: [], gzipBytes: 0, missing: []};
  const seen = new Set<string>();
  const add = (path: string, from: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const body = readFileSync(path);
    const gzipBytes = gzipSync(body, {level: 6}).length;
    weight.files.push({path: relative(site, path), gzipBytes});
    weight.gzipBytes += gzipBytes;
    const text = /\.(html|css)$/.test(path) ? body.toString("utf8") : null;
    if (text === null) return;
    for (const url of references(text, path.endsWith(".css"))) {
      const target = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) ? null : resolve(dirname(path), decodeURIComponent(url.split(/[?#]/)[0] ?? ""));
      if (target && target.startsWith(resolve(site)) && existsSync(target) && statSync(target).isFile()) add(target, path);
      else weight.missing.push(`${relative(site, from)}: ${url}`);
    }
  };
  add(resolve(file), resolve(file));
  return weight;
}
