/**
 * Chart images are drawn in the theme's font: its @fontsource woff files,
 * decoded, are what resvg draws the charts' text with (Plot's `system-ui,
 * sans-serif` included), and system fonts still draw what the font lacks.
 * The proof is in the pixels: the project's rasteriser draws exactly what
 * resvg draws with the decoded font alone and no system fonts, and a text
 * the font cannot finish exactly as the system fonts draw it.
 */
// Charts are drawn below as the build draws them: `npm:` imports resolve to node_modules.
import "../../../scripts/node/npm-specifiers.ts";
import assert from "node:assert/strict";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, test} from "node:test";
import {Resvg} from "@resvg/resvg-js";
import {imageFont, rasterise, type ImageFont} from "../../../scripts/prerender/chart-images.js";
import type {ChartEntry} from "../../../src/components/charts/chart-registry.js";

const THEME_FONT = {family: "Source Sans 3", package: "@fontsource/source-sans-3", weights: [400, 700]};
const dir = mkdtempSync(join(tmpdir(), "chart-images-test-"));
after(() => rmSync(dir, {recursive: true, force: true}));

/** Text as Plot writes it in a chart: the family is Plot's own, not the theme's. */
const plotText = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><rect width="100%" height="100%" fill="#fff"/><g font-family="system-ui, sans-serif" font-size="20"><text x="8" y="28">${text}</text></g></svg>`;

/** Dark pixels in a PNG (the glyphs drawn), read by drawing it back through resvg at its own size. */
function ink(png: Buffer): number {
  const size = {width: png.readUInt32BE(16), height: png.readUInt32BE(20)};
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><image href="data:image/png;base64,${png.toString("base64")}" width="${size.width}" height="${size.height}"/></svg>`;
  const {pixels} = new Resvg(svg, {font: {loadSystemFonts: false}}).render();
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark++;
  return dark;
}

/** What resvg draws with the given font files and no system font, as rasterise() scales it. */
function onlyWith(svg: string, font: ImageFont | null): Buffer {
  const family = font ? {defaultFontFamily: font.family, sansSerifFamily: font.family} : {};
  return new Resvg(svg, {fitTo: {mode: "zoom", value: 2}, font: {loadSystemFonts: false, fontFiles: font?.files ?? [], ...family}}).render().asPng();
}

test("the theme's woff files become fonts resvg draws with, and nothing else draws the same", async () => {
  const font = await imageFont(dir, THEME_FONT);
  assert.ok(font);
  assert.equal(font.files.length, 2, "one file per weight");
  const svg = plotText("Hamburgefonstiv 1,234");
  const alone = onlyWith(svg, font);
  assert.ok(ink(alone) > 200, "with no system font at all, the decoded font alone draws the text");
  assert.equal(ink(onlyWith(svg, null)), 0, "without it nothing is drawn: the ink above is the theme font's");
  const themed = rasterise(svg, font);
  assert.ok(themed.equals(alone), "the project's rasteriser draws Plot's text in the theme font, though system fonts are loaded too");
  assert.ok(!rasterise(svg, null).equals(themed), "without the theme font, the system's sans-serif draws something else");
});

test("a text the theme font cannot finish is drawn whole in a system font of its own weight", async () => {
  const font = await imageFont(dir, THEME_FONT);
  assert.ok(font);
  // Plot's axis labels end in an arrow, which @fontsource's latin subset lacks; resvg would draw
  // the whole label in the first face it finds with one (here, Liberation Sans Bold Italic).
  assert.ok(!font.characters.has(0x2192) && font.characters.has(0x41), "the theme font has A but no →");
  for (const weight of [400, 700]) {
    const label = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="40"><rect width="100%" height="100%" fill="#fff"/><g font-family="${family}" font-size="16" font-weight="${weight}" text-anchor="end"><text x="250" y="28">Age at death (years) →</text></g></svg>`;
    const themed = rasterise(label("system-ui, sans-serif"), font);
    assert.ok(ink(themed) > 200, `the ${weight} label is drawn`);
    assert.ok(!themed.equals(onlyWith(label("system-ui, sans-serif"), font)), `the ${weight} label is not the theme font's empty boxes`);
    assert.ok(themed.equals(rasterise(label("'Liberation Sans', 'DejaVu Sans', sans-serif"), null)), `the ${weight} label is drawn as the system fonts draw it at that weight`);
  }
});

test("a theme font that is not installed stops the images, naming the file and the package", async () => {
  await assert.rejects(imageFont(dir, {...THEME_FONT, weights: [400, 250]}), /source-sans-3-latin-250-normal\.woff is not installed \(npm install @fontsource\/source-sans-3\)/);
});

/**
 * The images editors use, made from every chart as the build draws it (at 600 px): each holds its
 * title, subtitle, the drawing's marks, the legend the page shows above it, and one source line
 * whose sources are separated (they once ran together: "17 December 2015Learning Disability
 * Today"). A table is not a chart and gets no image.
 */
describe("chart images as editors use them", async () => {
  const {installDom} = await import("../../../scripts/node/dom.js");
  installDom();
  const {CHART_REGISTRY, EMBEDDABLE_CHARTS, renderChart} = await import("../../../src/components/charts/chart-registry.js");
  const {frameToSvg, hasDrawing} = await import("../../../scripts/prerender/chart-images.js");
  const {legendEntries} = await import("../../../src/components/frame/image-legend.js");
  const {VISIBLE_SOURCES, imageNotes, imageSourceLine} = await import("../../../src/components/frame/source-line.js");
  const {loadFactBase} = await import("../../../src/lib/factbase/factbase.js");
  const {packSources, unpackSources} = await import("../../../src/lib/delivery/payload.js");
  const {inspectionRecord, storyFacts} = await import("../../../src/lib/story/story.js");
  const facts = loadFactBase();
  const {figures = {}, ...record} = unpackSources(JSON.parse(JSON.stringify(packSources({...storyFacts(facts), ...inspectionRecord(facts)})))) as {figures?: object};
  /** The text of the image's own lines (title, subtitle, legend, source): the root's texts, not the drawing's. */
  const frameText = (svg: string) => {
    const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
    return [...root.children].filter((child) => child.tagName === "text").map((text) => text.textContent).join("\n");
  };

  for (const {id} of EMBEDDABLE_CHARTS) {
    test(`${id}: marks, title, legend and a separated source line, or no image for a table`, async () => {
      const frame = await renderChart(id, {figures, record} as never, 600);
      const items = [...frame.querySelectorAll(".chart-source li")].map((li) => li.textContent!.trim());
      // The registry says which charts are tables, with no image; the drawing must agree.
      const entry: ChartEntry = CHART_REGISTRY[id];
      assert.equal(hasDrawing(frame), entry.image !== false, `${id}: ${entry.image === false ? "a table that draws a chart" : "a chart that draws nothing to make an image of"}`);
      if (entry.image === false) {
        assert.equal(frame.querySelector(".chart-body svg"), null, `${id}: no image, though the chart draws an SVG`);
        return;
      }
      const {svg} = frameToSvg(frame);
      const own = frameText(svg);
      assert.ok(own.includes(frame.querySelector(".chart-title")!.textContent!.split(" ").slice(0, 3).join(" ")), `${id}: the title`);
      // The drawing's marks, not only its axes (whose groups the frame classes "chart-axis").
      const marks = [...svg.matchAll(/<g(?![^>]*chart-axis)[^>]*>\s*<(rect|circle|path|line)\b/g)].length;
      assert.ok(marks > 0, `${id}: the image has no marks`);
      const source = imageSourceLine(frame);
      assert.ok(items.length > 0, `${id}: the frame lists its sources`);
      assert.ok(own.replace(/\n/g, " ").includes(source.split(" ").slice(0, 4).join(" ")), `${id}: the image has the source line`);
      if (items.length <= VISIBLE_SOURCES) {
        for (const item of items) assert.ok(source.includes(item), `${id}: the source line has "${item}"`);
        assert.equal(source.split("; ").length, items.length, `${id}: one "; " between each two of ${items.length} sources`);
      } else {
        // A long list is named in short, as under the chart: one line, not a wall of sources.
        assert.match(source, / and \d+ others?, every one listed under the chart/, `${id}: the ${items.length} sources named in short`);
        assert.ok(source.length < 200, `${id}: a source line of ${source.length} characters`);
      }
      for (const note of imageNotes(frame)) assert.ok(own.replace(/\n/g, " ").includes(note.split(" ").slice(0, 4).join(" ")), `${id}: the note "${note}"`);
      const line = own.split("\n").join(" ");
      assert.doesNotMatch(line, /\d{4}[A-Z]|[a-z)][A-Z][a-z]/, `${id}: sources run together in the image`);
      for (const entry of legendEntries(frame)) assert.ok(own.includes(entry.label), `${id}: the legend's "${entry.label}"`);
      // No text under 12 px, in the drawing (Plot sets 10) as in the image's own lines.
      const sizes = [...svg.matchAll(/font-size(?:="|:\s*)(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      assert.ok(sizes.length > 0 && sizes.every((size) => size >= 12), `${id}: text at ${[...new Set(sizes)].sort().join(", ")} px`);
    });
  }

  test("the legends the pages show are in the images", async () => {
    for (const id of ["families", "ratings-trust"] as const) {
      const frame = await renderChart(id, {figures, record} as never, 600);
      const labels = legendEntries(frame).map((e) => e.label);
      assert.ok(labels.length >= 2, `${id}: its legend is found (${labels.join(", ")})`);
      for (const label of labels) assert.match(frameText(frameToSvg(frame).svg), new RegExp(label.replace(/[^\w ]/g, ".")), `${id}: "${label}" in the image`);
    }
  });
});
