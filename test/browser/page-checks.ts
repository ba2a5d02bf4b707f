/**
 * The checks every page of the export passes, in Debian's Chromium, as a
 * reader sees it in light and dark mode: it renders its charts, logs no
 * error, loads nothing off this machine, shows no broken value, and passes
 * axe-core with no moderate, serious or critical violation. Declared by
 * pages.test.ts (the site's pages) and embed-pages.test.ts (the embeds), two
 * files so that they run in parallel.
 */
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {Page} from "playwright-core";
import {openPage, waitForCells, type PageRecord} from "../../scripts/export/chromium.js";
import type {SiteSession} from "../helpers/session.js";
import {unformattedNumbersInPage, unsourcedNumbersInPage} from "../helpers/unsourced-numbers.js";
import {PAGE_EXPECTATIONS, type PageExpectation} from "./expectations.js";

const BROKEN_TEXT = /\b(NaN|undefined|Infinity)\b|\[object Object\]/;

/** axe's rules whose answer depends on the colours a page is drawn in. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** No moderate, serious or critical violation of axe's rules (or of `rules` only). */
async function assertAxe(page: Page, rules?: string[]): Promise<void> {
  const builder = new AxeBuilder({page});
  const axe = await (rules ? builder.withRules(rules) : builder).analyze();
  const serious = axe.violations.filter((v) => v.impact === "moderate" || v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`), []);
}

/** A chart counts when its frame holds a drawn SVG and names it with a text alternative. */
async function assertCharts(page: Page, expected: PageExpectation): Promise<void> {
  const charts = await page.locator("figure.chart-frame:visible:has(.chart-body[aria-label] svg)").count();
  assert.ok(charts >= expected.charts, `expected at least ${expected.charts} charts, found ${charts}`);
  // A page's own controls (the workbench's) may appear after its cells have run: waited for, not counted at once.
  for (const selector of expected.selectors ?? []) {
    await page.locator(selector).first().waitFor({state: "attached", timeout: 30_000}).catch(() => assert.fail(`missing ${selector}`));
  }
}

function assertClean(record: PageRecord): void {
  assert.deepEqual(record.consoleErrors, [], "console errors");
  assert.deepEqual(record.failedRequests, [], "failed requests");
  assert.deepEqual(record.offHostRequests, [], "requests off this machine");
}

/**
 * Runs in the page: its structure (every element's tag and the attributes that name or describe
 * it, in document order, then the text a reader sees; colours and styles left out), or, given the
 * structure `expected`, whether the page has it. One function, as the page receives it whole.
 */
function structureIs(expected: string | null): boolean | string {
  const named = ["id", "role", "aria-label", "aria-labelledby", "aria-describedby", "alt", "title", "href", "tabindex"];
  const structure = [...document.body.querySelectorAll("*")]
    .map((e) => [e.tagName, ...named.map((a) => e.getAttribute(a) ?? "")].join("|"))
    .join("\n") + "\n" + document.body.innerText;
  return expected === null ? structure : structure === expected;
}

/** The checks, for each page of PAGE_EXPECTATIONS that `which` picks. */
export function checkPages(site: SiteSession, which: (path: string) => boolean): void {
  for (const [path, expected] of Object.entries(PAGE_EXPECTATIONS).filter(([path]) => which(path))) {
    describe(`page ${path}`, () => {
      test("fits a 360 px phone screen without scrolling sideways", async () => {
        const context = await site.browser.newContext({viewport: {width: 360, height: 800}});
        try {
          const {page} = await openPage(context, site.server.origin);
          await page.goto(site.server.url + path.slice(1));
          await waitForCells(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
          const charts = await page.locator("figure.chart-frame:has(.chart-body[aria-label] svg)").count();
          assert.ok(charts >= expected.charts, `expected at least ${expected.charts} charts, found ${charts}`);
        } finally {
          await context.close();
        }
      });

      /** The light page's elements and text, which the dark page must match (see the dark test). */
      let lightStructure = "";

      test("renders cleanly in light mode", async () => {
        const context = await site.browser.newContext({colorScheme: "light", viewport: {width: 1280, height: 900}});
        try {
          const record = await openPage(context, site.server.origin);
          const response = await record.page.goto(site.server.url + path.slice(1));
          assert.equal(response?.status(), 200);
          await waitForCells(record.page);
          // Embed pages are static pages of their own (scripts/prerender/embed-page.ts), without Framework's layout.
          const text = await record.page.locator(path.startsWith("/embed/") ? "#embed" : "#observablehq-main").innerText();
          assert.doesNotMatch(text, BROKEN_TEXT, "the page shows a broken value");
          assert.equal(await record.page.locator(".observablehq--error").count(), 0, "a cell failed");
          // Headings in order: none skips a level on the way down, and there is one h1.
          const levels = await record.page.locator("#observablehq-main :is(h1, h2, h3, h4, h5, h6)").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
          if (!path.startsWith("/embed/")) assert.equal(levels.filter((l) => l === 1).length, 1, "one h1");
          levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `heading h${level} follows h${levels[i - 1]}: ${JSON.stringify(levels)}`));
          // Link previews: a description and the Open Graph and Twitter card tags, with an image that exists.
          if (!path.startsWith("/embed/")) {
            const meta = await record.page.evaluate(() =>
              Object.fromEntries([...document.head.querySelectorAll("meta[name], meta[property]")].map((m) => [m.getAttribute("name") ?? m.getAttribute("property"), m.getAttribute("content")]))
            );
            for (const key of ["description", "og:title", "og:description", "og:image", "twitter:card", "twitter:title", "twitter:description", "twitter:image"]) {
              assert.ok(meta[key], `no ${key} tag`);
            }
            const image = await record.page.evaluate((src) => fetch(new URL(src, location.href)).then((r) => [r.status, r.headers.get("content-type")]), meta["og:image"]!);
            assert.deepEqual(image, [200, "image/png"], `the preview image ${meta["og:image"]}`);
          }
          // Every table says what it holds.
          const uncaptioned = await record.page.locator("#observablehq-main table").evaluateAll((tables) =>
            tables.filter((t) => !(t as HTMLTableElement).caption?.textContent?.trim() && !t.getAttribute("aria-label") && !t.getAttribute("aria-labelledby")).map((t) => t.className || t.outerHTML.slice(0, 80))
          );
          assert.deepEqual(uncaptioned, [], "tables without a caption");
          // The page can be zoomed.
          const viewport = await record.page.locator('meta[name="viewport"]').getAttribute("content");
          assert.doesNotMatch(viewport ?? "", /maximum-scale|user-scalable\s*=\s*(no|0)/, "the viewport forbids zooming");
          // Every number a reader sees answers "says who?" (the helper says what counts as sourced).
          assert.deepEqual(await record.page.evaluate(unsourcedNumbersInPage), [], "numbers with no source");
          // Numbers are written one way everywhere: thousands separated.
          assert.deepEqual(await record.page.evaluate(unformattedNumbersInPage), [], "numbers without thousands separators");
          await assertCharts(record.page, expected);
          const wasm = record.requests.filter((url) => /duckdb/i.test(url));
          if (expected.duckdb) assert.ok(wasm.length > 0, "the SQL page should load DuckDB-WASM");
          else assert.deepEqual(wasm, [], "a reader's page must not download DuckDB-WASM");
          // A reader's page downloads no table library, and of the data only its own file (src/lib/delivery/page-reads.ts).
          assert.deepEqual(record.requests.filter((url) => /arquero|flechette/i.test(url)), [], "a page must not download a table library");
          if (!path.startsWith("/embed/") && !["/explore", "/sources"].includes(path)) {
            const data = record.requests.filter((url) => url.includes("/_file/data/")).map((url) => new URL(url).pathname.replace(/^.*\/_file\//, ""));
            assert.deepEqual(data.map((file) => file.replace(/\.[0-9a-f]{8}\./, ".")), [`data/pages/${path === "/" ? "index" : path.slice(1)}.json`], "data downloaded");
          }
          assertClean(record);
          await assertAxe(record.page);
          lightStructure = ((await record.page.evaluate(structureIs, null)) as string);
        } finally {
          await context.close();
        }
      });

      // The dark page is the light page in other colours: the same elements with the same text (so
      // the checks above, and axe's rules that read markup, would find what they found there), drawn
      // and run cleanly, passing axe's rules that depend on colour. The workbench gets all of axe.
      test("renders cleanly in dark mode", async () => {
        const context = await site.browser.newContext({colorScheme: "dark", viewport: {width: 1280, height: 900}});
        try {
          const record = await openPage(context, site.server.origin);
          const response = await record.page.goto(site.server.url + path.slice(1));
          assert.equal(response?.status(), 200);
          await waitForCells(record.page);
          assert.equal(await record.page.locator(".observablehq--error").count(), 0, "a cell failed");
          await assertCharts(record.page, expected);
          assertClean(record);
          if (expected.duckdb) {
            // The workbench fills itself in with the answers to its first queries, as fast as DuckDB
            // gives them: no moment to compare with the light page, so axe reads all of it again.
            await assertAxe(record.page);
          } else {
            assert.ok(lightStructure, "the light page was checked first");
            // Waited for: a page may still be filling in what its first run left for later.
            // A function, not a string: the page's policy refuses the eval a string predicate needs.
            const settled = await record.page.waitForFunction(structureIs, lightStructure, {polling: 250, timeout: 15_000}).then(() => true, () => false);
            if (!settled) assert.equal(((await record.page.evaluate(structureIs, null)) as string), lightStructure, "the dark page has the light page's elements and text");
            await assertAxe(record.page, COLOUR_RULES);
          }
        } finally {
          await context.close();
        }
      });
    });
  }
}
