/**
 * Chart images are drawn in the theme's font: its @fontsource woff files,
 * decoded, are what resvg draws the charts' text with (Plot's `system-ui,
 * sans-serif` included), and system fonts still draw what the font lacks.
 * The proof is in the pixels: the project's rasteriser draws exactly what
 * resvg draws with the decoded font alone and no system fonts, and a text
 * the font cannot finish exactly as the system fonts draw it.
 */
import assert from "node:assert/strict";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {Resvg} from "@resvg/resvg-js";
import {imageFont, rasterise, type ImageFont} from "../../scripts/chart-images.js";

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
