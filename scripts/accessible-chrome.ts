/**
 * Framework 1.13's page chrome misses a few things axe-core rightly flags: no
 * language on <html>, a sidebar toggle and a search box named only by a title
 * or placeholder, a <label> sitting inside the sidebar's <ol>, and a viewport
 * that forbids zooming. These are fixed in the built HTML, the way every page
 * reaches readers. Each repair checks that it applied wherever its element is
 * on the page, so a Framework upgrade that moves the markup fails the build
 * instead of silently shipping the flaw again.
 */
import {readFile, writeFile} from "node:fs/promises";
import {htmlFiles} from "./static-server.js";

export const PAGE_LANGUAGE = "en-GB";

interface Repair {
  name: string;
  /** The element this repair is about; a page without it (an embed has no sidebar) needs no repair. */
  element: RegExp;
  find: RegExp;
  replace: string;
}

const REPAIRS: Repair[] = [
  {name: "page language", element: /<html[\s>]/, find: /<html>/, replace: `<html lang="${PAGE_LANGUAGE}">`},
  {
    name: "zoomable viewport",
    element: /<meta name="viewport"/,
    find: /<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/,
    replace: `<meta name="viewport" content="width=device-width, initial-scale=1">`
  },
  {
    // The checkbox that shows the sidebar sits outside every landmark (Framework's CSS needs it beside the
    // sidebar), so assistive technology gets a button inside a navigation landmark instead, which clicks it.
    name: "sidebar toggle",
    element: /id="observablehq-sidebar-toggle"/,
    find: /<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">/,
    replace: `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-hidden="true" tabindex="-1">`
  },
  {
    name: "sidebar toggle button",
    element: /id="observablehq-sidebar-toggle"/,
    find: /<div id="observablehq-center">\n/,
    replace: `<div id="observablehq-center">\n<nav class="sidebar-menu" aria-label="Site menu"><button type="button" class="sidebar-menu-button" aria-label="Menu: show or hide the list of pages" onclick="document.getElementById('observablehq-sidebar-toggle').click()"><span class="sidebar-menu-icon" aria-hidden="true"></span>Menu</button></nav>\n`
  },
  {
    // Keyboard readers reach the story without tabbing through the list of pages first.
    name: "skip link",
    element: /id="observablehq-sidebar-toggle"/,
    find: /<body>\n?/,
    replace: `<body>\n<a class="skip-link" href="#observablehq-main">Skip to the story</a>\n`
  },
  {name: "sidebar landmark label", element: /<nav id="observablehq-sidebar">/, find: /<nav id="observablehq-sidebar">/, replace: `<nav id="observablehq-sidebar" aria-label="Pages">`},
  {name: "contents landmark label", element: /<aside id="observablehq-toc"/, find: /(<aside id="observablehq-toc"[^>]*>\n)<nav>/, replace: `$1<nav aria-label="On this page">`},
  {name: "pager landmark label", element: /<nav><a rel="(prev|next)"/, find: /<nav><a rel="(prev|next)"/, replace: `<nav aria-label="Previous and next pages"><a rel="$1"`},
  {
    name: "search box label",
    element: /<div id="observablehq-search">/,
    find: /<div id="observablehq-search"><input type="search" placeholder="Search">/,
    replace: `<div id="observablehq-search" role="search"><input type="search" placeholder="Search" aria-label="Search this notebook">`
  },
  {
    name: "sidebar list markup",
    element: /<label id="observablehq-sidebar-close"/,
    find: /<ol>\n(\s*)(<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>)\n/,
    replace: `$2\n  <ol>\n`
  }
];

export function repairPage(html: string, file = "page"): string {
  return REPAIRS.reduce((page, {name, element, find, replace}) => {
    if (!element.test(page)) return page;
    if (!find.test(page)) throw new Error(`${file}: Framework's markup has changed, so the ${name} repair no longer applies; update scripts/accessible-chrome.ts`);
    return page.replace(find, replace);
  }, html);
}

export async function repairSite(dir: string): Promise<void> {
  for (const path of await htmlFiles(dir)) {
    const html = await readFile(path, "utf8");
    const repaired = repairPage(html, path);
    if (repaired !== html) await writeFile(path, repaired);
  }
}
