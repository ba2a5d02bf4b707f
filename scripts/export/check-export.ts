/**
 * Proves a built site loads nothing from another origin: every script, style,
 * image, frame, font and module import in dist/ must be a relative or
 * same-origin path. Links a reader clicks (<a href>) may point anywhere.
 */
import {readdir, readFile} from "node:fs/promises";
import {extname, join, relative} from "node:path";

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

const HTML_LOADS = [
  /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi,
  /<link\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>/gi,
  /<(?:img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi,
  /<object\b[^>]*\bdata\s*=\s*["']([^"']+)["']/gi
];
const JS_LOADS = [
  /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\bfetch\s*\(\s*["']([^"']+)["']/g,
  /\bimportScripts\s*\(\s*["']([^"']+)["']/g
];
const CSS_LOADS = [/url\(\s*["']?([^"')]+)["']?\s*\)/g, /@import\s+["']([^"']+)["']/g];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export interface ThirdPartyLoad {
  file: string;
  url: string;
}

export async function findThirdPartyLoads(dir: string): Promise<ThirdPartyLoad[]> {
  const found: ThirdPartyLoad[] = [];
  for await (const path of files(dir)) {
    const patterns = {".html": HTML_LOADS, ".js": JS_LOADS, ".css": CSS_LOADS}[extname(path)];
    if (!patterns) continue;
    const text = await readFile(path, "utf8");
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        // A <link> that is not loaded (rel=canonical, for example) is only a reference.
        if (pattern === HTML_LOADS[1] && !/\brel\s*=\s*["'](?:stylesheet|modulepreload|preload|icon|prefetch|preconnect|dns-prefetch|manifest)/i.test(match[0])) continue;
        const [, url] = match;
        if (url !== undefined && EXTERNAL.test(url)) found.push({file: relative(dir, path), url});
      }
    }
  }
  return found;
}
