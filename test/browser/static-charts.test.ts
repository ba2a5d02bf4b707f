/**
 * Charts drawn at build: they stay as drawn until the reader scrolls, points
 * or tabs to them, and the keyboard focus survives the hand-over; an embed sized by pym.js on a page of another origin
 * fits its content at any width, after narrowing and widening too. That every
 * page and embed shows every chart with JavaScript off, with its data link,
 * and that each gives way to one live chart, is checked on every page's visit
 * (test/browser/page-checks.ts).
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {waitForCells} from "../../scripts/export/chromium.js";
import {serve} from "../../scripts/export/static-server.js";
import {projectRoot} from "../helpers/site.js";
import {siteSession} from "../helpers/session.js";
import {until} from "../helpers/until.js";
import {liveCharts} from "../helpers/live-charts.js";

const site = siteSession();

/**
 * Resolves once the page has had an idle moment and a task after it: what load started has run.
 * Bounded, as page.evaluate is not: a page kept busy fails the test instead of holding the suite.
 */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the page had no idle moment in 10 s")), 10_000);
        requestIdleCallback(() => setTimeout(() => (clearTimeout(timer), resolve())), {timeout: 5_000});
      })
  );

test("charts stay as drawn at build until the reader scrolls, points or tabs to them, then become live", async () => {
  const context = await site.browser.newContext({viewport: {width: 390, height: 700}});
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}warnings`);
    await waitForCells(page);
    await settled(page);
    const charts = await page.locator(".lazy-chart").count();
    assert.ok(charts >= 3, `the page has ${charts} chart cells`);
    assert.equal(await page.locator(".static-chart").count(), charts, "a chart was redrawn at load, before the reader did anything");
    // A scroll wakes the charts near the screen, and only those.
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((n) => document.querySelectorAll(".static-chart").length < n, charts);
    assert.ok((await page.locator(".static-chart").count()) > 0, "every chart went live on the first scroll, not only those in view");
    await liveCharts(page);
    assert.equal(await page.locator(".static-chart").count(), 0, "a chart pointed at stayed as drawn at build");
    // Only a live chart's marks answer the pointer: the drawing from the build has no script.
    await page.locator("#chart-fines .chart-mark").first().hover();
    assert.ok(await page.locator("#chart-fines .chart-tip").isVisible(), "a live chart's mark shows its tooltip");
  } finally {
    await context.close();
  }
});

test("tabbing to a button of a chart drawn at build leaves the focus on the same button of the live chart", async () => {
  const context = await site.browser.newContext({viewport: {width: 1280, height: 800}});
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}warnings`);
    await waitForCells(page);
    await settled(page);
    const button = page.locator(".static-chart button").first();
    const label = await button.textContent();
    await button.focus();
    await page.waitForFunction(() => document.activeElement?.closest(".lazy-chart") !== null);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), label);
  } finally {
    await context.close();
  }
});

test("a press begun on a chart drawn at build is not lost when the live chart takes over under it", async () => {
  const context = await site.browser.newContext({acceptDownloads: true, viewport: {width: 1000, height: 900}});
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    await settled(page);
    // The reader points at the Download SVG button of the drawing from the build, which wakes the
    // chart, and presses it in the same moment: the live chart is drawn while the button is down.
    const found = await page.evaluate(() => {
      const button = [...document.querySelectorAll("#chart-funnel.static-chart button")].find((b) => b.textContent === "Download SVG");
      button?.dispatchEvent(new PointerEvent("pointerover", {bubbles: true, pointerType: "mouse"}));
      button?.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, pointerType: "mouse"}));
      return button !== undefined;
    });
    assert.ok(found, "the drawing from the build has a Download SVG button");
    await settled(page);
    assert.equal(await page.locator("#chart-funnel.static-chart").count(), 1, "the drawing was swapped under a pressed button");
    // The press ends on the button it began on, and its click reaches the live chart's button.
    const [download] = await Promise.all([
      page.waitForEvent("download", {timeout: 10_000}),
      page.evaluate(() => {
        const button = [...document.querySelectorAll("#chart-funnel.static-chart button")].find((b) => b.textContent === "Download SVG");
        button?.dispatchEvent(new PointerEvent("pointerup", {bubbles: true, pointerType: "mouse"}));
        (button as HTMLElement | undefined)?.click();
      })
    ]);
    assert.equal(download.suggestedFilename(), "funnel.svg");
    assert.equal(await page.locator("#chart-funnel.static-chart").count(), 0, "the live chart took over once the press ended");
  } finally {
    await context.close();
  }
});

test("an embed in a pym.js host on another origin fits its content at 320, 600 and 1,000 px, and after narrowing and widening", async () => {
  const pym = readFileSync(join(projectRoot, "node_modules", "pym.js", "dist", "pym.v1.min.js"), "utf8");
  const charts = ["funnel", "timeline", "findings"];
  const hostPage = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title><style>body{margin:0} .slot{margin:0 0 40px}</style></head><body>
${charts.map((id) => `<div class="slot" id="slot-${id}"></div>`).join("\n")}
<script>${pym}</script>
<script>${charts.map((id) => `new pym.Parent("slot-${id}", ${JSON.stringify(`${site.server.url}embed/${id}`)}, {});`).join("\n")}</script>
</body></html>`;
  const host = await serve(await mkdtemp(join(tmpdir(), "pym-host-")), {extra: {"/host": hostPage}});
  assert.notEqual(new URL(host.url).origin, site.server.origin, "the host is another origin");
  const context = await site.browser.newContext({viewport: {width: 1000, height: 800}});
  const page = await context.newPage();
  const fits = async (width: number) => {
    await page.setViewportSize({width, height: 800});
    for (const id of charts) {
      const iframe = page.locator(`#slot-${id} iframe`);
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      const measure = async () => ({
        content: await frame.evaluate(() => Math.ceil(document.getElementById("embed")!.getBoundingClientRect().height)),
        scroll: await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight),
        box: await iframe.evaluate((el) => el.getBoundingClientRect().height)
      });
      // Until pym has applied the height the embed reports for this width.
      let last = await measure();
      await until(async () => {
        last = await measure();
        return Math.abs(last.box - last.content) <= 1 && last.scroll <= 0;
      });
      const {content, scroll, box} = last;
      assert.ok(Math.abs(box - content) <= 1, `${id} at ${width}px: iframe ${box}px, content ${content}px`);
      assert.ok(scroll <= 0, `${id} at ${width}px: the embed scrolls by ${scroll}px`);
    }
  };
  try {
    await page.goto(host.url + "host");
    await page.waitForFunction((n) => document.querySelectorAll("iframe").length === n, charts.length);
    for (const width of [320, 600, 1000, 320, 1000]) await fits(width);
  } finally {
    await context.close();
    await host.close();
  }
});

test("a chart's source line, copied or read without styles, keeps its sources apart", async () => {
  const context = await site.browser.newContext({viewport: {width: 1000, height: 900}});
  try {
    const page = await context.newPage();
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    const lines = await page.locator("#observablehq-main .chart-source ol.source-notes").evaluateAll((lists) =>
      lists.map((list) => ({text: (list as HTMLElement).innerText.replace(/\s+/g, " ").trim(), links: [...list.querySelectorAll(".source-note-link")].map((a) => (a.textContent ?? "").trim())}))
    );
    assert.ok(lines.some((line) => line.links.length > 1), "a chart on /deaths cites more than one source");
    for (const {text, links} of lines) assert.equal(text, links.join("; "));
  } finally {
    await context.close();
  }
});
