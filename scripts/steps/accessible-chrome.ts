/**
 * Framework 1.13's page chrome misses a few things axe-core rightly flags: no
 * language on <html>, a sidebar toggle and a search box named only by a title
 * or placeholder, a <label> sitting inside the sidebar's <ol>, and a viewport
 * that forbids zooming. Each repair applies wherever its element is on the
 * page (an embed has no sidebar) and must find the markup as Framework 1.13.4
 * writes it there: a Framework upgrade that moves it fails the build instead
 * of silently shipping the flaw again.
 */
import type {Step} from "./step.js";
import {isText} from "./document.js";

export const PAGE_LANGUAGE = "en-GB";

interface Repair {
  name: string;
  /** The element this repair is about; a page without it needs no repair. */
  element: string;
  /** Repairs the page; false when the markup is not as Framework 1.13.4 writes it. */
  repair(document: Document): boolean;
}

const isTextStarting = (node: Node | null | undefined, starts: string): boolean => isText(node) && node.data.startsWith(starts);

function setNew(element: Element | null, attributes: Record<string, string>): boolean {
  if (!element || Object.keys(attributes).some((name) => element.hasAttribute(name))) return false;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return true;
}

export const REPAIRS: Repair[] = [
  {name: "page language", element: "html", repair: (d) => setNew(d.documentElement, {lang: PAGE_LANGUAGE})},
  {
    name: "zoomable viewport",
    element: 'meta[name="viewport"]',
    repair(d) {
      const meta = d.querySelector('meta[name="viewport"]');
      if (meta?.getAttribute("content") !== "width=device-width, initial-scale=1, maximum-scale=1") return false;
      meta.setAttribute("content", "width=device-width, initial-scale=1");
      return true;
    }
  },
  {
    // The checkbox that shows the sidebar sits outside every landmark (Framework's CSS needs it beside the
    // sidebar), so assistive technology gets a button inside a navigation landmark instead, which clicks it.
    name: "sidebar toggle",
    element: "#observablehq-sidebar-toggle",
    repair: (d) => setNew(d.querySelector('input#observablehq-sidebar-toggle[type="checkbox"][title="Toggle sidebar"]'), {"aria-hidden": "true", tabindex: "-1"})
  },
  {
    name: "sidebar toggle button",
    element: "#observablehq-sidebar-toggle",
    repair(d) {
      const center = d.getElementById("observablehq-center");
      if (!center || !isTextStarting(center.firstChild, "\n")) return false;
      center.insertAdjacentHTML(
        "afterbegin",
        `\n<nav class="sidebar-menu" aria-label="Site menu"><button type="button" class="sidebar-menu-button" aria-label="Menu: show or hide the list of pages" onclick="document.getElementById('observablehq-sidebar-toggle').click()"><span class="sidebar-menu-icon" aria-hidden="true"></span>Menu</button></nav>`
      );
      return true;
    }
  },
  {
    // Keyboard readers reach the story without tabbing through the list of pages first.
    name: "skip link",
    element: "#observablehq-sidebar-toggle",
    repair(d) {
      if (!d.getElementById("observablehq-main") || d.querySelector("a.skip-link")) return false;
      d.body.insertAdjacentHTML("afterbegin", `\n<a class="skip-link" href="#observablehq-main">Skip to the story</a>`);
      return true;
    }
  },
  {name: "sidebar landmark label", element: "nav#observablehq-sidebar", repair: (d) => setNew(d.querySelector("nav#observablehq-sidebar"), {"aria-label": "Pages"})},
  {name: "contents landmark label", element: "aside#observablehq-toc", repair: (d) => setNew(d.querySelector("aside#observablehq-toc > nav"), {"aria-label": "On this page"})},
  {
    name: "pager landmark label",
    element: 'nav > a:first-child:is([rel="prev"], [rel="next"])',
    repair: (d) => setNew(d.querySelector('nav > a:first-child:is([rel="prev"], [rel="next"])')?.parentElement ?? null, {"aria-label": "Previous and next pages"})
  },
  {
    name: "search box label",
    element: "#observablehq-search",
    repair(d) {
      const box = d.querySelector("div#observablehq-search");
      const input = box?.querySelector(':scope > input[type="search"][placeholder="Search"]') ?? null;
      return input !== null && setNew(box, {role: "search"}) && setNew(input, {"aria-label": "Search this notebook"});
    }
  },
  {
    // A <label> may not be a child of <ol>: it moves just before the list.
    name: "sidebar list markup",
    element: "#observablehq-sidebar-close",
    repair(d) {
      const label = d.querySelector("label#observablehq-sidebar-close");
      const list = label?.parentElement;
      const after = label?.nextSibling;
      const before = list?.previousSibling;
      if (!label || list?.tagName !== "OL" || !isText(after) || !after.data.startsWith("\n") || !isText(before) || !before.data.startsWith("\n")) return false;
      after.remove();
      list.before(label, before.data);
      return true;
    }
  }
];

export const accessibleChrome: Step = {
  name: "accessible chrome",
  purpose: "gives Framework's page chrome a language, landmark labels, a labelled search box and sidebar button, valid list markup and a zoomable viewport",
  scope: "pages Framework wrote, not the embeds",
  appliesTo: (page) => page.kind !== "embed",
  transform(document, page) {
    let repaired = 0;
    for (const {name, element, repair} of REPAIRS) {
      if (!document.querySelector(element)) continue;
      if (!repair(document)) throw new Error(`Framework's markup has changed, so the ${name} repair no longer applies to ${page.file}; update scripts/steps/accessible-chrome.ts`);
      repaired += 1;
    }
    return repaired;
  },
  check: (document, _page, changes) => (changes === 0 ? "found none of Framework's page chrome to repair" : document.documentElement.lang ? null : "the page has no language")
};
