/**
 * What editors rely on: embed pages that show one chart and resize their
 * iframe through the pasted snippet; SVG and PNG images of a chart; the
 * figures sheet agreeing with every figure the pages show; and the whole site
 * working from a sub-path of a plain file site.server.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {EMBEDDABLE_CHARTS} from "../../src/components/charts/chart-registry.js";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {serve} from "../../scripts/export/static-server.js";
import {builtPages, distDir} from "../helpers/site.js";
import {formatCount} from "../../src/lib/story/format.js";
import {siteSession} from "../helpers/session.js";
import {until} from "../helpers/until.js";

const site = siteSession();

test("each embed page shows its chart alone, without the site's chrome", async () => {
  const context = await site.browser.newContext({viewport: {width: 600, height: 800}});
  try {
    for (const {id} of EMBEDDABLE_CHARTS) {
      const record = await openPage(context, site.server.origin);
      await record.page.goto(`${site.server.url}embed/${id}`);
      await waitForCells(record.page);
      assert.equal(await record.page.locator("figure.chart-frame:visible").count(), 1, id);
      assert.ok((await record.page.locator(`#chart-${id} .chart-body:visible :is(svg, table)`).count()) > 0, `${id}: nothing drawn`);
      assert.equal(await record.page.locator("#observablehq-sidebar").count(), 0, `${id}: no sidebar`);
      // The chart fits the frame it is in.
      const overflow = await record.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${id} overflows its frame by ${overflow}px`);
      assert.deepEqual(record.consoleErrors, [], id);
      assert.deepEqual(record.offHostRequests, [], id);
      await record.page.close();
    }
  } finally {
    await context.close();
  }
});

test("every chart a story page publishes has an embed page", async () => {
  const embeddable = new Set<string>(EMBEDDABLE_CHARTS.map((c) => c.id));
  const context = await site.browser.newContext();
  try {
    for (const path of (await builtPages()).filter((p) => !p.startsWith("/embed/") && p !== "/explore")) {
      const {page} = await openPage(context, site.server.origin);
      await page.goto(site.server.url + path.slice(1));
      await waitForCells(page);
      const ids = await page.locator("figure.chart-frame").evaluateAll((frames) => frames.map((f) => (f as HTMLElement).dataset.chart!));
      for (const id of ids) {
        assert.ok(embeddable.has(id), `${path}: chart ${id} has no embed page`);
        assert.equal(await page.locator(`#chart-${id} .chart-embed button`).count(), 1, `${path}: chart ${id} offers no Embed button`);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test("the embed code from a chart's frame resizes its iframe on a host page", async () => {
  const context = await site.browser.newContext();
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}deaths`);
    await waitForCells(page);
    await page.locator("#chart-funnel .chart-embed button").click();
    const snippet = await page.locator("#chart-funnel textarea").inputValue();
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
    const notes = (await frame.locator(".chart-source .source-note").allInnerTexts()).map((note) => note.trim().replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})[c]!));
    const drawnText = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    assert.ok(drawnText.includes(`${notes.length > 1 ? "Sources" : "Source"}: ${notes[0]}`), "the source line is drawn in");
    if (notes.length > 1) assert.ok(drawnText.replace(/\s+/g, " ").includes(`${notes[0]}; ${notes[1]}`.replace(/\s+/g, " ")), "the sources are set apart");
    const [, width, height] = svg.match(/width="(\d+)" height="(\d+)"/)!.map(Number);
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

test("figures.json and figures.csv agree with every figure the pages show", async () => {
  const sheet = JSON.parse(readFileSync(join(distDir, "figures.json"), "utf8")).figures as {id: string; display: string; status: string; numerator: number | null; denominator: number | null; source_urls: string[]}[];
  const byId = new Map(sheet.map((f) => [f.id, f]));
  const csv = readFileSync(join(distDir, "figures.csv"), "utf8").trim().split("\n");
  assert.equal(csv.length - 1, sheet.length, "the CSV has one row per figure");
  for (const figure of sheet) assert.ok(figure.source_urls.length > 0 && figure.source_urls.every((u) => /^https?:\/\//.test(u)), `${figure.id} has source URLs`);
  const context = await site.browser.newContext();
  let checked = 0;
  try {
    for (const path of (await builtPages()).filter((p) => !p.startsWith("/embed/"))) {
      const {page} = await openPage(context, site.server.origin);
      await page.goto(site.server.url + path.slice(1));
      await waitForCells(page);
      const shown = await page.locator(".fact[data-figure]").evaluateAll((nodes) => nodes.map((n) => ({id: (n as HTMLElement).dataset.figure!, part: (n as HTMLElement).dataset.part, text: n.querySelector(".fact-value")!.textContent!})));
      for (const {id, part, text} of shown) {
        const entry = byId.get(id);
        assert.ok(entry, `${path}: figure ${id} is missing from figures.json`);
        // A figure's counts ("272 of 722") or interval stand in for its value where the prose needs them.
        if (part === "counts") assert.equal(text, `${formatCount(entry.numerator!)} of ${formatCount(entry.denominator!)}`, `${path}: ${id} counts`);
        else if (part !== "interval") assert.equal(text, entry.display, `${path}: ${id}`);
        checked++;
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
  assert.ok(checked > 20, `only ${checked} figures were found on the pages`);
});

test("the export works served from a sub-path", async () => {
  const base = "/investigations/southern-health/";
  const sub = await serve(distDir, {base});
  const context = await site.browser.newContext();
  try {
    for (const path of await builtPages()) {
      const record = await openPage(context, sub.origin);
      const response = await record.page.goto(sub.url + path.slice(1));
      assert.equal(response?.status(), 200, path);
      await waitForCells(record.page);
      assert.equal(await record.page.locator(".observablehq--error").count(), 0, path);
      assert.deepEqual(record.failedRequests, [], `${path}: failed requests`);
      assert.ok(record.requests.every((url) => url.startsWith(sub.url) || /^(data|blob):/.test(url)), `${path}: a request left the sub-path`);
      await record.page.close();
    }
  } finally {
    await context.close();
    await sub.close();
  }
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

/** Every number in a text, with its roundings, so that "14.1%" matches 14.0978… and "1,454" matches 1454. */
function numbersIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const [token] of text.replace(/(\d),(?=\d{3})/g, "$1").matchAll(/\d+(?:\.\d+)?/g)) {
    const n = Number(token);
    found.add(String(n)).add(n.toFixed(0)).add(n.toFixed(1));
  }
  return found;
}

test("every value a chart draws is in its text alternative and in its download", async () => {
  const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
  try {
    for (const {id} of EMBEDDABLE_CHARTS) {
      const {page} = await openPage(context, site.server.origin);
      await page.goto(`${site.server.url}embed/${id}`);
      await waitForCells(page);
      // The embed holds a drawing per width range; the one shown is the chart.
      const frame = page.locator(`#chart-${id} figure.chart-frame:visible`);
      const drawn = await frame.locator(".chart-body svg text").evaluateAll((nodes) =>
        nodes.filter((n) => !n.closest(".chart-axis")).map((n) => n.textContent ?? "")
      );
      const alt = numbersIn((await frame.locator(".chart-body").getAttribute("aria-label")) ?? "");
      // The embed is drawn at build, so its link is the CSV file the build wrote; fetched as a click would.
      const csv = numbersIn(await frame.locator("a.chart-download").evaluate(async (link: HTMLAnchorElement) => (await fetch(link.href)).text()));
      for (const label of drawn) {
        // Each number as the chart writes it ("1,454", "14.1%"), compared with every rounding of the others.
        for (const [token] of label.replace(/(\d),(?=\d{3})/g, "$1").matchAll(/\d+(?:\.\d+)?/g)) {
          const n = String(Number(token));
          assert.ok(alt.has(n), `${id}: “${label}” is drawn but ${n} is not in the alt text`);
          assert.ok(csv.has(n), `${id}: “${label}” is drawn but ${n} is not in the download`);
        }
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
});
