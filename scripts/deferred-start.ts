/**
 * A story page is complete in its HTML (charts and cells drawn at build), so
 * its JavaScript only makes it interactive: tooltips, resizing, controls.
 * Framework starts fetching that JavaScript (about 350 KB) from the head,
 * with a `<link rel="modulepreload">` per module and the page's module
 * script, and on a slow phone connection those fetches compete with the HTML,
 * the stylesheet and the fonts that the first paint needs. So the build holds
 * them back until the page has painted and been parsed: the page's module
 * script becomes an inert data block, and a few lines of script start it (and
 * its preloads, fetched in parallel as before) once the browser reports the
 * first contentful paint (after the next frame where it cannot). Where no
 * frame is painted (a tab opened in the background), it starts once the page
 * is parsed.
 *
 * Only for pages whose cells are drawn at build; the SQL page needs its
 * script at once. Each rewrite checks it applied: a page without Framework's
 * module script, or with a second one, fails the build.
 */
import {readFile, writeFile} from "node:fs/promises";
import {prerendered} from "./static-cells.js";
import {RewriteError} from "./static-html.js";
import {pageFile, pagesOf} from "./static-server.js";

const PRELOAD = /<link rel="modulepreload" href="([^"]+)">\n?/g;
const MODULE = /<script type="module">/g;
/** The page's module script, once inert: a type the browser does not run. */
export const INERT_TYPE = "text/x-page-module";

/** Runs in the page: starts the held-back module script after the first paint and the parse. */
const START = `((preloads, type) => {
  const painted = new Promise((resolve) => {
    const FIRST = "first-contentful-paint";
    if (document.visibilityState === "hidden" || performance.getEntriesByName(FIRST).length) return resolve();
    if (!(PerformanceObserver.supportedEntryTypes ?? []).includes("paint")) return requestAnimationFrame(() => setTimeout(resolve, 0));
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName(FIRST).length) observer.disconnect(), resolve();
    }).observe({type: "paint", buffered: true});
  });
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve, {once: true});
    else resolve();
  });
  Promise.all([painted, parsed]).then(() => {
    for (const href of preloads) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = href;
      document.head.append(link);
    }
    const held = document.querySelector(\`script[type="\${type}"]\`);
    const script = document.createElement("script");
    script.type = "module";
    script.textContent = held.textContent;
    held.replaceWith(script);
  });
})`;

export function deferPageScript(html: string, where: string): string {
  const modules = html.match(MODULE)?.length ?? 0;
  if (modules !== 1) throw new RewriteError(`${where}: expected Framework's one <script type="module">, found ${modules} (did Framework's markup change?)`);
  const preloads = [...html.matchAll(PRELOAD)].map((match) => match[1]);
  if (preloads.length === 0) throw new RewriteError(`${where}: no <link rel="modulepreload"> in the head (did Framework's markup change?)`);
  const starter = `<script>${START}(${JSON.stringify(preloads)}, ${JSON.stringify(INERT_TYPE)});</script>\n`;
  return html.replace(PRELOAD, "").replace(MODULE, `${starter}<script type="${INERT_TYPE}">`);
}

/** Every page whose cells were drawn at build. Returns how many pages were rewritten. */
export async function deferSiteScripts(dir: string): Promise<number> {
  let pages = 0;
  for (const path of (await pagesOf(dir)).filter(prerendered)) {
    const file = pageFile(dir, path);
    await writeFile(file, deferPageScript(await readFile(file, "utf8"), path));
    pages += 1;
  }
  return pages;
}
