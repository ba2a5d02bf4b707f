/**
 * What editors rely on: the embed snippet resizing its iframe on a host page;
 * SVG and PNG images of a chart; the figures sheet holding every figure the
 * pages show; and pages that print. (That each embed page shows its chart
 * alone, each page's figures are the sheet's, and the whole site works from a
 * sub-path of a plain file server, is checked on every page's visit:
 * test/browser/page-checks.ts.)
 */
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {serve} from "../../scripts/export/static-server.js";
import {distDir} from "../helpers/site.js";
import {siteSession} from "../helpers/session.js";
import {until} from "../helpers/until.js";

const site = siteSession();

test("the embed code from a chart's frame resizes its iframe on a host page", async () => {
  const context = await site.browser.newContext();
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    await page.locator("#chart-funnel .chart-embed button").click();
    // The press may land on the drawing from the build, whose panel stays hidden: the live chart
    // takes it over and opens its own panel a moment later.
    const textarea = page.locator("#chart-funnel textarea:visible");
    await textarea.waitFor();
    const snippet = await textarea.inputValue();
    assert.match(snippet, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/funnel"/);
    assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\/resize\.js"/);
    // The host is another page on the same server, as an editor's CMS page would be.
    // The host gets the snippet's iframe, and its script only once the chart has loaded and
    // reported its height to no one: a CMS may load scripts late, and the chart must still fit.
    const [iframeTag, scriptSrc] = [/<iframe[\s\S]*?<\/iframe>/.exec(snippet)?.[0], /<script src="([^"]+)"/.exec(snippet)?.[1]];
    assert.ok(iframeTag && scriptSrc, `the snippet has an iframe and a script: ${snippet}`);
    const host = await serve(distDir, {base: "/site/", extra: {"/host.html": `<!doctype html><html lang="en"><title>Host</title><body><p>Story text</p>${iframeTag.replace('height="520"', 'height="60"')}</body></html>`}});
    try {
      // The host page is another origin, as a CMS page would be; both stay on this machine.
      const hostPage = await context.newPage();
      await hostPage.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort("blockedbyclient"));
      await hostPage.goto(`${host.origin}/host.html`, {waitUntil: "load"});
      await hostPage.frameLocator("iframe").locator("#embed").waitFor({state: "attached"});
      await hostPage.addScriptTag({url: scriptSrc});
      const iframe = hostPage.locator("iframe");
      await hostPage.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector("iframe")!).height) > 200, undefined, {timeout: 20_000});
      // The chart may settle after its first report; the iframe must follow it to the content's height.
      const contentHeight = () => hostPage.frameLocator("iframe").locator("html").evaluate((html) => html.scrollHeight);
      let frameHeight = 0;
      let content = 0;
      await until(async () => {
        frameHeight = await iframe.evaluate((f) => parseFloat(getComputedStyle(f).height));
        content = await contentHeight();
        return Math.abs(frameHeight - content) <= 2;
      });
      assert.ok(Math.abs(frameHeight - content) <= 2, `iframe ${frameHeight}px, content ${content}px`);
    } finally {
      await host.close();
    }
  } finally {
    await context.close();
  }
});

test("a chart downloads as an SVG with its title and source, and as a PNG at twice the size", async () => {
  const context = await site.browser.newContext({acceptDownloads: true, viewport: {width: 1000, height: 900}});
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    const frame = page.locator("#chart-funnel");
    const title = await frame.locator(".chart-title").innerText();
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: "Download SVG"}).click()]);
    assert.equal(svgDownload.suggestedFilename(), "funnel.svg");
    const svg = readFileSync((await svgDownload.path())!, "utf8");
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"/);
    assert.ok(svg.includes(title.replace(/&/g, "&amp;")), "the title is drawn in");
    // Each source note, as the frame lists it, in one sentence with its separators.
    const notes = (await frame.locator(".chart-source .source-note-link").allInnerTexts()).map((note) => note.trim().replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})[c]!));
    const drawnText = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    assert.ok(drawnText.includes(`${notes.length > 1 ? "Sources" : "Source"}: ${notes[0]}`), "the source line is drawn in");
    if (notes.length > 1) assert.ok(drawnText.replace(/\s+/g, " ").includes(`${notes[0]}; ${notes[1]}`.replace(/\s+/g, " ")), "the sources are set apart");
    const [, width = NaN, height = NaN] = svg.match(/width="(\d+)" height="(\d+)"/)!.map(Number);
    // The file must be an SVG a browser can draw on its own.
    const drawn = await page.evaluate(async (text) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, svg);
    assert.deepEqual(drawn, [width, height]);
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: "Download PNG"}).click()]);
    assert.equal(pngDownload.suggestedFilename(), "funnel.png");
    const png = readFileSync((await pngDownload.path())!);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
    assert.equal(png.readUInt32BE(16), 2 * width, "PNG width is twice the SVG's");
    assert.equal(png.readUInt32BE(20), 2 * height, "PNG height is twice the SVG's");
  } finally {
    await context.close();
  }
});

test("taken in dark mode, a chart's image keeps the page's dark background its light text needs, and no text under 12 px", async () => {
  const context = await site.browser.newContext({acceptDownloads: true, viewport: {width: 1000, height: 900}, colorScheme: "dark"});
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    const frame = page.locator("#chart-funnel");
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: "Download SVG"}).click()]);
    const svg = readFileSync((await download.path())!, "utf8");
    const background = /<rect width="100%" height="100%" fill="([^"]+)"\/>/.exec(svg)?.[1];
    // As plain rgb(), which every tool an editor uses can read.
    const channels = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(background ?? "")?.slice(1).map(Number) ?? [];
    assert.ok(channels.length === 3 && channels.every((c) => c < 80), `a dark background, not ${background}`);
    const sizes = [...svg.matchAll(/<text[^>]*font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
    assert.ok(sizes.length > 0 && sizes.every((size) => size >= 12), `text sizes of the image's own lines: ${sizes.join(", ")}`);
  } finally {
    await context.close();
  }
});

test("a chart's image from the page draws its legend, each entry with its label", async () => {
  const context = await site.browser.newContext({acceptDownloads: true, viewport: {width: 1000, height: 900}});
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}ratings`);
    await waitForCells(page);
    const frame = page.locator("#chart-ratings-trust");
    const labels = (await frame.locator(".ratings-legend-item").allInnerTexts()).map((label) => label.trim());
    assert.ok(labels.length >= 4, `the page's legend: ${labels.join(", ")}`);
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: "Download SVG"}).click()]);
    const drawnText = [...readFileSync((await download.path())!, "utf8").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of labels) assert.ok(drawnText.includes(label), `the legend's "${label}" is not drawn`);
  } finally {
    await context.close();
  }
});

test("figures.json and figures.csv hold every figure the pages show, each with its sources", () => {
  const sheet = JSON.parse(readFileSync(join(distDir, "figures.json"), "utf8")).figures as {id: string; source_urls: string[]}[];
  const csv = readFileSync(join(distDir, "figures.csv"), "utf8").trim().split("\n");
  assert.equal(csv.length - 1, sheet.length, "the CSV has one row per figure");
  for (const figure of sheet) assert.ok(figure.source_urls.length > 0 && figure.source_urls.every((u) => /^https?:\/\//.test(u)), `${figure.id} has source URLs`);
  // The pages as built (their figures drawn at build) name figures the sheet has; each page's
  // visit (test/browser/page-checks.ts) checks that what it shows is what the sheet says.
  const ids = new Set(sheet.map((f) => f.id));
  const named = readdirSync(distDir).filter((file) => file.endsWith(".html")).flatMap((file) => [...readFileSync(join(distDir, file), "utf8").matchAll(/data-figure="([^"]+)"/g)].map((m) => m[1]!));
  assert.ok(named.length > 20, `only ${named.length} figures were found in the pages`);
  assert.deepEqual([...new Set(named.filter((id) => !ids.has(id)))], [], "figures the sheet lacks");
});

test("story pages print without controls, with charts inside the page and source lines kept", async () => {
  const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
  try {
    for (const path of ["/", "/deaths", "/learning-disability", "/warnings"]) {
      const {page} = await openPage(context, site.server.origin);
      await page.goto(site.server.url + path.slice(1));
      await waitForCells(page);
      await page.emulateMedia({media: "print"});
      await page.setViewportSize({width: 700, height: 1000});
      // No named functions inside evaluate(): the test's transpiler would wrap them in a helper the page lacks.
      const layout = await page.evaluate(() => {
        const shown = ["controls", "sources"].map((kind) =>
          [...document.querySelectorAll(kind === "controls" ? ".chart-actions, #observablehq-sidebar, select, input, textarea" : ".chart-source")].filter((n) => (n as HTMLElement).offsetParent !== null).length
        );
        const main = document.querySelector("#observablehq-main")!.getBoundingClientRect();
        const widest = Math.max(0, ...[...document.querySelectorAll(".chart-body svg")].map((svg) => svg.getBoundingClientRect().right - main.left));
        return {
          controls: shown[0],
          sources: shown[1],
          frames: document.querySelectorAll("figure.chart-frame").length,
          widest,
          width: main.width
        };
      });
      assert.equal(layout.controls, 0, `${path}: controls are printed`);
      assert.equal(layout.sources, layout.frames, `${path}: every chart keeps its source line`);
      assert.ok(layout.widest <= layout.width + 1, `${path}: a chart is ${layout.widest}px wide on a ${layout.width}px page`);
      await page.close();
    }
  } finally {
    await context.close();
  }
});
