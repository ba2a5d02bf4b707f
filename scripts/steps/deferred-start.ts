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
 * Only for pages whose cells are drawn at build (so only where Chromium is
 * installed); the SQL page needs its script at once. A page without
 * Framework's module script or its preloads, or with a second module script,
 * fails the build.
 */
import type {Step} from "./step.js";
import {isText} from "./document.js";

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

/** Holds the page's module script and its preloads until the first paint; returns how many preloads were held. */
export function deferPageScript(document: Document): number {
  const modules = document.querySelectorAll('script[type="module"]');
  if (modules.length !== 1) throw new Error(`expected Framework's one <script type="module">, found ${modules.length} (did Framework's markup change?)`);
  const links = [...document.querySelectorAll('link[rel="modulepreload"][href]')];
  if (links.length === 0) throw new Error(`no <link rel="modulepreload"> in the head (did Framework's markup change?)`);
  const preloads = links.flatMap((link) => link.getAttribute("href") ?? []);
  for (const link of links) {
    // Each preload stood on a line of its own.
    const after = link.nextSibling;
    if (isText(after) && after.data.startsWith("\n")) after.data = after.data.slice(1);
    link.remove();
  }
  const [module] = modules;
  if (module === undefined) throw new Error("no <script type=\"module\">");
  const starter = module.ownerDocument.createElement("script");
  starter.textContent = `${START}(${JSON.stringify(preloads)}, ${JSON.stringify(INERT_TYPE)});`;
  module.before(starter, "\n");
  module.setAttribute("type", INERT_TYPE);
  return preloads.length;
}

export const deferredStart: Step = {
  name: "deferred start",
  purpose: "holds the page's script and its preloads until the first paint, so the first paint waits only for the HTML, the stylesheet and the fonts",
  scope: "story pages, when their cells were drawn at build",
  appliesTo: (page, build) => page.kind === "story" && build.browser !== null,
  transform: (document) => deferPageScript(document),
  check: (document) =>
    document.querySelector('script[type="module"], link[rel="modulepreload"]') || document.querySelectorAll(`script[type="${INERT_TYPE}"]`).length !== 1
      ? "the page's script still starts before the first paint"
      : null
};
