/**
 * The checks every page of the export passes, in Debian's Chromium, as a
 * reader sees it. Declared by pages.test.ts (the site's pages) and
 * embed-pages.test.ts (the embeds), two files so that they run in parallel.
 *
 * The export is served under a sub-path, as a newsroom may host it. Each page
 * is opened once in light mode at a desktop's width, and that one visit serves
 * the checks in turn:
 * - it renders its charts, logs no error, loads nothing off this machine or
 *   outside the sub-path, shows no broken value, and passes axe-core with no moderate, serious or
 *   critical violation; its cells drawn at build gave way to the live ones,
 *   each once;
 * - a story page painted its first chart with its first content, before any
 *   script was fetched, and hardly shifted its layout;
 * - an embed shows its chart alone, naming no font it does not load, every value drawn also in its text
 *   alternative and its download; a page shows each figure as the figures
 *   sheet states it, shows or draws everything its data file holds, and
 *   offers each chart as an embed;
 * - every chart goes live when the reader scrolls to it, in the room its
 *   drawing from the build took (nothing below it moves);
 * - in dark mode a page passes axe's colour rules (an embed stays light);
 * - its policy refuses every way a script could send something to another origin.
 *
 * Besides that visit, each page is opened on a phone, where it fits the
 * screen, hardly shifts, hands each chart over without moving the page, and
 * opens every figure card and chart tooltip inside it (test/browser/phone-checks.ts); and with JavaScript off, where it shows
 * every chart, each with its data link.
 */
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {BrowserContext, Page} from "playwright-core";
import {openPage, waitForCells, type PageRecord} from "../../scripts/export/chromium.js";
import {prerendered} from "../../scripts/prerender/static-cells.js";
import {CHART_READS, CHARTS, EMBEDDABLE_CHARTS, type ChartId} from "../../src/components/charts/chart-registry.js";
import {readsOfPage, storyPages} from "../../src/lib/delivery/page-reads.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {formatCount} from "../../src/lib/story/format.js";
import {THEME} from "../../src/theme.js";
import {countLayoutShifts, layoutShift} from "../helpers/layout-shift.js";
import {liveChartsMoves} from "../helpers/live-charts.js";
import {otherOrigin, tryToLeave, WAYS_OUT} from "../helpers/other-origin.js";
import {cardsOutside, menuCovers, strandedBrackets, tipsOutside} from "./phone-checks.js";
import {siteSession} from "../helpers/session.js";
import {distDir} from "../helpers/site.js";
import {unformattedNumbersInPage, unsourcedNumbersInPage} from "../helpers/unsourced-numbers.js";
import {PAGE_EXPECTATIONS, type PageExpectation} from "./expectations.js";

const BROKEN_TEXT = /\b(NaN|undefined|Infinity)\b|\[object Object\]/;

/**
 * The most a story page's layout may shift as it loads and goes live, as Chromium counts it (a sum
 * of moved areas, not a time, so asserted here; the benchmark reports it too): what was drawn at
 * build is where the live page puts it.
 */
const MAX_LAYOUT_SHIFT = 0.02;

/** axe's rules whose answer depends on the colours a page is drawn in. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

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


/** Runs in the page before anything else: notes when the parser puts the first drawn chart in, in the page's clock. */
function noteFirstChart(): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".chart-frame .chart-body svg, .chart-frame .chart-body table")) return;
    (window as unknown as {firstChartAt: number}).firstChartAt = performance.now();
    observer.disconnect();
  }).observe(document, {childList: true, subtree: true});
}

/** Runs in the page: when it first painted content, waited for (up to 10 s): on a loaded machine the entry can come after the cells have run. */
function firstContentfulPaint(): Promise<number | null> {
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName("first-contentful-paint")[0];
      if (!entry) return;
      observer.disconnect();
      resolve(entry.startTime);
    }).observe({type: "paint", buffered: true});
    setTimeout(() => resolve(null), 10_000);
  });
}

/** Runs in the page: every element's colours, in document order. */
function coloursInPage(): string {
  return [...document.querySelectorAll("*")]
    .map((element) => {
      const style = getComputedStyle(element);
      return [style.color, style.backgroundColor, style.borderColor, style.fill, style.stroke].join(" ");
    })
    .join("\n");
}

/** The charts a page shows, by registry id, in order. */
function chartIds(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.chart ?? "").sort());
}

/** Every number in a text, with its roundings, so that "14.1%" matches 14.0978… and "1,454" matches 1454. */
function numbersIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const [token] of text.replace(/(\d),(?=\d{3})/g, "$1").matchAll(/\d+(?:\.\d+)?/g)) {
    const n = Number(token);
    found.add(String(n)).add(n.toFixed(0)).add(n.toFixed(1));
  }
  return found;
}

/** The charts that have an embed page. */
const EMBEDDABLE = new Set<string>(EMBEDDABLE_CHARTS.map((c) => c.id));
const facts = loadFactBase();

interface SheetFigure {
  id: string;
  display: string;
  numerator: number | null;
  denominator: number | null;
}

/** The export's figures sheet (figures.json), by figure id. */
function figuresSheet(): Map<string, SheetFigure> {
  const {figures} = JSON.parse(readFileSync(join(distDir, "figures.json"), "utf8")) as {figures: SheetFigure[]};
  return new Map(figures.map((f) => [f.id, f]));
}

/** Where the pages are served: under a sub-path, as a newsroom may host the export, so every link and file must be relative. */
const SUB_PATH = "/investigations/southern-health/";

/** The checks, for each page of PAGE_EXPECTATIONS that `which` picks, on the export served under a sub-path. */
export function checkPages(which: (path: string) => boolean): void {
  const site = siteSession(distDir, {base: SUB_PATH});
  const elsewhere = otherOrigin();
  for (const [path, expected] of Object.entries(PAGE_EXPECTATIONS).filter(([path]) => which(path))) {
    const embed = path.startsWith("/embed/");
    describe(`page ${path}`, () => {
      // A phone, held upright: the page at 360 px, then at 390 px with every card and tooltip opened.
      test("on a phone, fits a 360 px screen; at 390 px every figure card and chart tooltip opens inside it", async () => {
        const context = await site.browser.newContext({viewport: {width: 360, height: 800}, hasTouch: true, isMobile: true});
        await countLayoutShifts(context);
        try {
          const {page} = await openPage(context, site.server.origin);
          await page.goto(site.server.url + path.slice(1));
          await waitForCells(page);
          if (prerendered(path)) {
            const shift = await layoutShift(page);
            assert.ok(shift <= MAX_LAYOUT_SHIFT, `the layout shifts by ${shift.toFixed(3)}`);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
          const charts = await page.locator("figure.chart-frame:has(.chart-body[aria-label] svg)").count();
          assert.ok(charts >= expected.charts, `expected at least ${expected.charts} charts, found ${charts}`);
          await page.setViewportSize({width: 390, height: 844});
          assert.deepEqual(await strandedBrackets(page), [], "an opening bracket ends a line apart from the figure it opens");
          assert.deepEqual(await menuCovers(page), [], "the Menu button lies over the text");
          const cards = await cardsOutside(page);
          assert.deepEqual(cards.problems, [], "figure cards");
          if (expected.figures) assert.ok(cards.opened > 0, "the page has figures, and none opened");
          assert.deepEqual(await liveChartsMoves(page), [], "charts took another height as they went live");
          const tips = await tipsOutside(page);
          assert.deepEqual(tips.problems, [], "chart tooltips");
          if (expected.charts > 0 && expected.tips !== false) assert.ok(tips.marks > 0, "its charts have no mark to focus");
        } finally {
          await context.close();
        }
      });

      // The one visit the checks below share, in order: opened in light mode at a desktop's width.
      let context: BrowserContext;
      let record: PageRecord;
      let status: number | undefined;
      /** The charts the live page shows, once each has gone live; the page without JavaScript must show them too. */
      let liveIds: string[] | null = null;
      before(async () => {
        context = await site.browser.newContext({colorScheme: "light", viewport: {width: 1280, height: 900}});
        await context.addInitScript(noteFirstChart);
        await countLayoutShifts(context);
        record = await openPage(context, site.server.origin);
        status = (await record.page.goto(site.server.url + path.slice(1)))?.status();
        await waitForCells(record.page);
      });
      after(() => context?.close());

      test("renders cleanly in light mode", async () => {
        const page = record.page;
        assert.equal(status, 200);
        // Embed pages are static pages of their own (scripts/prerender/embed-page.ts), without Framework's layout.
        const text = await page.locator(embed ? "#embed" : "#observablehq-main").innerText();
        assert.doesNotMatch(text, BROKEN_TEXT, "the page shows a broken value");
        assert.equal(await page.locator(".observablehq--error").count(), 0, "a cell failed");
        // What was drawn at build gave way to the live cells, and no cell's output is shown twice.
        assert.equal(await page.locator("[data-static-cell]").count(), 0, "a static cell is left beside the live one");
        const ids = await page.locator("#observablehq-main [id]").evaluateAll((nodes) => nodes.map((n) => n.id));
        assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "ids repeated (a cell's output doubled?)");
        // Headings in order: none skips a level on the way down, and there is one h1.
        const levels = await page.locator("#observablehq-main :is(h1, h2, h3, h4, h5, h6)").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        if (!embed) assert.equal(levels.filter((l) => l === 1).length, 1, "one h1");
        levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `heading h${level} follows h${levels[i - 1]}: ${JSON.stringify(levels)}`));
        // Link previews: a description and the Open Graph and Twitter card tags, with an image that exists.
        if (!embed) {
          const meta = await page.evaluate(() =>
            Object.fromEntries([...document.head.querySelectorAll("meta[name], meta[property]")].map((m) => [m.getAttribute("name") ?? m.getAttribute("property"), m.getAttribute("content")]))
          );
          for (const key of ["description", "og:title", "og:description", "og:image", "twitter:card", "twitter:title", "twitter:description", "twitter:image"]) {
            assert.ok(meta[key], `no ${key} tag`);
          }
          const image = await page.evaluate((src) => fetch(new URL(src, location.href)).then((r) => [r.status, r.headers.get("content-type")]), meta["og:image"]!);
          assert.deepEqual(image, [200, "image/png"], `the preview image ${meta["og:image"]}`);
        }
        // Every table says what it holds.
        const uncaptioned = await page.locator("#observablehq-main table").evaluateAll((tables) =>
          tables.filter((t) => !(t as HTMLTableElement).caption?.textContent?.trim() && !t.getAttribute("aria-label") && !t.getAttribute("aria-labelledby")).map((t) => t.className || t.outerHTML.slice(0, 80))
        );
        assert.deepEqual(uncaptioned, [], "tables without a caption");
        // The page can be zoomed.
        const viewport = await page.locator('meta[name="viewport"]').getAttribute("content");
        assert.doesNotMatch(viewport ?? "", /maximum-scale|user-scalable\s*=\s*(no|0)/, "the viewport forbids zooming");
        // Every number a reader sees answers "says who?" (the helper says what counts as sourced).
        assert.deepEqual(await page.evaluate(unsourcedNumbersInPage), [], "numbers with no source");
        // Numbers are written one way everywhere: thousands separated.
        assert.deepEqual(await page.evaluate(unformattedNumbersInPage), [], "numbers without thousands separators");
        await assertCharts(page, expected);
        const wasm = record.requests.filter((url) => /duckdb/i.test(url));
        if (expected.duckdb) assert.ok(wasm.length > 0, "the SQL page should load DuckDB-WASM");
        else assert.deepEqual(wasm, [], "a reader's page must not download DuckDB-WASM");
        // A reader's page downloads no table library, and of the data only its own file (src/lib/delivery/page-reads.ts).
        assert.deepEqual(record.requests.filter((url) => /arquero|flechette/i.test(url)), [], "a page must not download a table library");
        if (!embed && !["/explore", "/sources"].includes(path)) {
          const data = record.requests.filter((url) => url.includes("/_file/data/")).map((url) => new URL(url).pathname.replace(/^.*\/_file\//, ""));
          assert.deepEqual(data.map((file) => file.replace(/\.[0-9a-f]{8}\./, ".")), [`data/pages/${path === "/" ? "index" : path.slice(1)}.json`], "data downloaded");
        }
        assertClean(record);
        assert.deepEqual(record.requests.filter((url) => !url.startsWith(site.server.url) && !/^(data|blob):/.test(url)), [], "requests outside the sub-path the site is served from");
        await assertAxe(page);
      });

      if (embed) {
        test("shows its chart alone, without the site's chrome, and every value it draws is in its text alternative and its download", async () => {
          const page = record.page;
          const id = path.slice("/embed/".length);
          assert.equal(await page.locator("figure.chart-frame:visible").count(), 1, "one chart");
          assert.equal(await page.locator("#observablehq-sidebar").count(), 0, "no sidebar");
          // Set in the sans alone, it names no font the site ships without loading it (the pages' serif).
          const fonts = await page.evaluate(async () => {
            await document.fonts.ready;
            const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
            const faces: string[] = [];
            document.fonts.forEach((f) => void faces.push(f.family.replace(/"/g, "")));
            return {css, faces};
          });
          for (const family of [THEME.serif?.family, THEME.font?.family]) {
            assert.ok(!family || !fonts.css.includes(family) || fonts.faces.includes(family), `names ${family} with no @font-face to load it`);
          }
          // The embed holds a drawing per width range; the one shown is the chart.
          const frame = page.locator(`#chart-${id} figure.chart-frame:visible`);
          const drawn = await frame.locator(".chart-body svg text").evaluateAll((nodes) => nodes.filter((n) => !n.closest(".chart-axis")).map((n) => n.textContent ?? ""));
          const alt = numbersIn((await frame.locator(".chart-body").getAttribute("aria-label")) ?? "");
          // The embed is drawn at build, so its link is the CSV file the build wrote; fetched as a click would.
          const csv = numbersIn(await frame.locator("a.chart-download").evaluate(async (link: HTMLAnchorElement) => (await fetch(link.href)).text()));
          for (const label of drawn) {
            // Each number as the chart writes it ("1,454", "14.1%"), compared with every rounding of the others.
            for (const [token] of label.replace(/(\d),(?=\d{3})/g, "$1").matchAll(/\d+(?:\.\d+)?/g)) {
              const n = String(Number(token));
              assert.ok(alt.has(n), `“${label}” is drawn but ${n} is not in the alt text`);
              assert.ok(csv.has(n), `“${label}” is drawn but ${n} is not in the download`);
            }
          }
        });
      } else {
        test("shows each figure as the figures sheet states it, and all it downloads, and offers each chart as an embed", async () => {
          const page = record.page;
          const sheet = figuresSheet();
          const shown = await page.locator(".fact[data-figure]").evaluateAll((nodes) =>
            nodes.map((n) => ({id: (n as HTMLElement).dataset.figure!, part: (n as HTMLElement).dataset.part, text: n.querySelector(".fact-value")!.textContent!}))
          );
          for (const {id, part, text} of shown) {
            const entry = sheet.get(id);
            assert.ok(entry, `figure ${id} is missing from figures.json`);
            // A figure's counts ("272 of 722") or interval stand in for its value where the prose needs them.
            if (part === "counts") assert.equal(text, `${formatCount(entry.numerator!)} of ${formatCount(entry.denominator!)}`, `${id} counts`);
            else if (part !== "interval") assert.equal(text, entry.display, id);
          }
          // What a story page downloads is what it shows: every figure of its data file shown in its
          // prose and tables, or drawn by one of its charts; every statement it is sent, on the page.
          const name = path === "/" ? "index" : path.slice(1);
          if (storyPages().includes(name)) {
            const reads = readsOfPage(facts, CHARTS, name);
            const [file] = record.requests.filter((url) => url.includes("/_file/data/pages/"));
            assert.ok(file, "the page downloaded no data file");
            const sent = (await (await fetch(file)).json()) as {figures?: Record<string, unknown>; statements?: {statement_id: string}[]};
            const marked = await page.locator("#observablehq-main [data-figure]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.figure!));
            const drawn = (reads.charts ?? []).flatMap((chart) => CHART_READS[chart as ChartId].figures ?? []);
            assert.deepEqual(Object.keys(sent.figures ?? {}).sort(), [...new Set([...marked, ...drawn])].sort(), "figures sent against figures shown or drawn");
            const statements = await page.locator("[data-statement]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.statement!));
            assert.deepEqual((sent.statements ?? []).map((s) => s.statement_id).sort(), [...new Set(statements)].sort(), "statements sent against statements shown");
          }
          if (path === "/explore") return;
          for (const id of await chartIds(page, "figure.chart-frame")) {
            assert.ok(EMBEDDABLE.has(id), `chart ${id} has no embed page`);
            assert.equal(await page.locator(`#chart-${id} .chart-embed button`).count(), 1, `chart ${id} offers no Embed button`);
          }
        });
      }

      if (prerendered(path)) {
        test("paints its first chart with its first content, fetches no script until then, and hardly shifts", async () => {
          const page = record.page;
          const shift = await layoutShift(page);
          assert.ok(shift <= MAX_LAYOUT_SHIFT, `the layout shifts by ${shift.toFixed(3)}`);
          const paint = await page.evaluate(firstContentfulPaint);
          const {scripts, firstChart, hasChart} = await page.evaluate(() => ({
            hasChart: document.querySelector(".chart-frame .chart-body svg, .chart-frame .chart-body table") !== null,
            firstChart: (window as unknown as {firstChartAt?: number}).firstChartAt ?? null,
            scripts: performance.getEntriesByType("resource").filter((r) => /\.js(\?|$)/.test(r.name)).map((r) => ({name: r.name, start: r.startTime}))
          }));
          assert.notEqual(paint, null, "no first contentful paint");
          assert.ok(scripts.length > 0, "its scripts never loaded");
          // A page with a chart must have had it arrive (the observer saw it), and before the first paint.
          if (hasChart) assert.notEqual(firstChart, null, "its chart was never seen arriving");
          if (firstChart !== null) assert.ok(firstChart <= paint!, `the first chart arrived at ${firstChart.toFixed(0)} ms, after the first paint at ${paint!.toFixed(0)} ms`);
          for (const script of scripts) assert.ok(script.start >= paint!, `${script.name} was fetched at ${script.start.toFixed(0)} ms, before the first paint at ${paint!.toFixed(0)} ms`);
        });
      }

      test("every chart goes live when the reader gets to it, each once", async () => {
        const page = record.page;
        assert.deepEqual(await liveChartsMoves(page), [], "charts took another height as they went live");
        assert.equal(await page.locator("[data-static-cell], .static-chart").count(), 0, "what was drawn at build is left beside the live page");
        // Read in one step: the workbench may add its result's chart at any moment.
        const frames = await page.locator("figure.chart-frame:visible").evaluateAll((nodes) =>
          nodes.map((n) => ({id: (n as HTMLElement).dataset.chart ?? "", drawn: n.querySelector(".chart-body :is(svg, table)") !== null}))
        );
        assert.deepEqual(frames.filter((f) => !f.drawn).map((f) => f.id), [], "live charts that drew nothing");
        liveIds = frames.map((f) => f.id).sort();
        assertClean(record);
      });

      // The page in dark mode is the same page in other colours: the pages' colours are all in their
      // stylesheets (Framework's themes and src/style.css, by the reader's setting; no script reads
      // it), so switching the open page shows what loading it in dark mode would. The workbench gets
      // all of axe again (its controls have states of their own); other pages the colour rules.
      test("renders cleanly in dark mode", async () => {
        const page = record.page;
        const light = await page.evaluate(coloursInPage);
        await page.emulateMedia({colorScheme: "dark"});
        const dark = await page.evaluate(coloursInPage);
        if (embed) {
          // An embed stays light in any host unless its address asks (docs/editors.md): every
          // element in the colours it had in light mode, where axe passed it.
          assert.equal(dark, light, "the embed changed colours in a dark host");
        } else {
          assert.notEqual(dark, light, "the page did not turn dark");
          await assertAxe(page, expected.duckdb ? undefined : COLOUR_RULES);
        }
        assertClean(record);
      });

      // Last on the visit: a refused request is a console error, which the checks above count.
      test("refuses every way a script could send something to another origin", async () => {
        const tag = path.replace(/\W+/g, "_");
        const violations = await tryToLeave(record.page, elsewhere, tag);
        assert.deepEqual(elsewhere.arrived.filter((url) => url.endsWith(`-${tag}`)), [], "nothing may reach the other origin");
        for (const {way, directive} of WAYS_OUT) {
          assert.ok(violations.some((v) => v.startsWith(`${directive} `) && v.includes(`${way}-${tag}`)), `the ${way} was refused by ${directive} (${violations.join("; ")})`);
        }
      });

      if (path !== "/explore") {
        test("with JavaScript off, shows every chart the live page shows, drawn, each with a data link to its CSV", async () => {
          assert.ok(liveIds, "the live page was checked first");
          // A page without charts (the sources) has nothing to show without JavaScript but its prose.
          if (liveIds.length === 0 && !embed) return;
          const off = await site.browser.newContext({viewport: {width: 1280, height: 900}, javaScriptEnabled: false});
          try {
            const page = await off.newPage();
            await page.goto(site.server.url + path.slice(1));
            assert.deepEqual(await chartIds(page, "figure.chart-frame:visible:has(.chart-body svg, .chart-body table)"), liveIds, "charts shown without JavaScript");
            if (embed) assert.equal(await page.title(), (await page.locator("figure.chart-frame:visible .chart-title").textContent())?.trim(), "the page's title is its chart's");
            const links = await page.locator("figure.chart-frame:visible a.chart-download").evaluateAll((nodes) => nodes.map((n) => (n as HTMLAnchorElement).href));
            assert.ok(links.length > 0 || !embed, "an embed without its data link");
            for (const href of links) {
              assert.doesNotMatch(href, /^data:/, "the static page carries its data inline");
              // Node's fetch, which honours the server's keep-alive limit (5 s), not the browser driver's
              // request client: with the pages a few seconds apart, its request was once reset
              // (ECONNRESET), as when a client reuses a connection the server is closing.
              const response = await fetch(href);
              assert.equal(response.status, 200, href);
              const csv = Buffer.from(await response.arrayBuffer()).toString("utf8");
              assert.ok(csv.startsWith("\uFEFF"), `${href} has no byte-order mark`);
              assert.ok(csv.split("\r\n").length > 2, `${href} holds no rows`);
            }
          } finally {
            await off.close();
          }
        });
      }
    });
  }
}
