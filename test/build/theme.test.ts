/**
 * The newsroom theme is one file, and it reaches everything a reader or an
 * editor publishes: a copy of the project whose src/theme.ts names a font from
 * npm, a focus colour, an accent and a logo is built, and its pages, embeds
 * and chart images carry them (the PNGs drawn in that font); the default
 * export carries none of them.
 */
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {imageFont, rasterise} from "../../scripts/chart-images.js";
import {distDir, projectRoot} from "../helpers/site.js";

const scratch = mkdtempSync(join(projectRoot, ".test-theme-"));
const copy = join(scratch, "project");
const out = join(copy, "dist");
after(() => rmSync(scratch, {recursive: true, force: true}));

const FOCUS = "#117733";
const ACCENT = "#882255";
const LOGO = "The Test Gazette";
const FAMILY = "Source Sans 3";
const FONT = {family: FAMILY, package: "@fontsource/source-sans-3", weights: [400, 700]};

before(() => {
  // The project as a fresh clone has it (no export, no caches but the seeded npm modules), sharing node_modules.
  const skip = new Set(["node_modules", "dist", ".git"]);
  for (const entry of readdirSync(projectRoot)) {
    if (!skip.has(entry) && !entry.startsWith(".test-") && !entry.startsWith("dist.")) cpSync(join(projectRoot, entry), join(copy, entry), {recursive: true});
  }
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  const theme = join(copy, "src", "theme.ts");
  const source = readFileSync(theme, "utf8");
  const themed = source
    .replace(/font: null,/, `font: ${JSON.stringify(FONT)},`)
    .replace(/focus: "#[0-9A-Fa-f]{6}"/, `focus: "${FOCUS}"`)
    .replace(/accent: null/, `accent: "${ACCENT}"`)
    .replace(/logo: null/, `logo: {text: "${LOGO}"}`);
  assert.notEqual(themed, source, "the theme file has the fields this test sets");
  writeFileSync(theme, themed);
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/build.ts"], {cwd: copy, encoding: "utf8", timeout: 600_000});
  assert.equal(result.status, 0, `the themed build failed:\n${result.stdout}\n${result.stderr}`);
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

test("pages load the theme's font from the export and use its accent", () => {
  const page = read(out, "deaths.html");
  assert.match(page, new RegExp(`@font-face \\{ font-family: "${FAMILY}"`));
  assert.match(page, new RegExp(`--theme-foreground-focus: ${ACCENT}`));
  const font = /url\("([^"]+\.woff2)"\)/.exec(page)![1];
  assert.ok(existsSync(join(out, font)), `the font file ${font} is in the export`);
  assert.doesNotMatch(page, /fonts\.googleapis|fonts\.gstatic/);
  assert.doesNotMatch(read(distDir, "deaths.html"), new RegExp(FAMILY), "the default export keeps the system fonts");
});

test("charts drawn at build, embeds and images use the theme's colour, and embeds and images its logo", () => {
  // The funnel draws its last step, the investigated deaths, in the focus colour.
  assert.ok(read(out, "deaths.html").includes(`fill="${FOCUS}"`), "the page's static chart");
  const embed = read(out, "embed/funnel.html");
  assert.ok(embed.includes(`fill="${FOCUS}"`), "the embed's chart");
  assert.ok(embed.includes(LOGO), "the embed's logo");
  const image = read(out, "charts/funnel.svg");
  assert.ok(image.includes(FOCUS) && image.includes(LOGO), "the SVG image");
  assert.ok(readFileSync(join(out, "charts/funnel.png")).length > 1000, "the PNG image");
  for (const [name, text] of [["page", read(distDir, "deaths.html")], ["embed", read(distDir, "embed/funnel.html")], ["image", read(distDir, "charts/funnel.svg")]]) {
    assert.ok(!text.includes(FOCUS) && !text.includes(LOGO), `the default ${name} has neither`);
  }
});

test("chart images are drawn in the theme's font, not in the system's", async () => {
  const font = await imageFont(scratch, FONT);
  // The funnel's text is all in the font; the ages chart's axis label ends in an arrow it lacks.
  for (const id of ["funnel", "ages"]) {
    const svg = read(out, `charts/${id}.svg`);
    const png = readFileSync(join(out, `charts/${id}.png`));
    assert.match(svg, new RegExp(`font-family="'${FAMILY}', `), `${id}: the SVG's frame text names the theme's family`);
    assert.ok(png.equals(rasterise(svg, font)), `${id}: the PNG is the SVG drawn with the theme's font, decoded from its woff files`);
    assert.ok(!png.equals(rasterise(svg, null)), `${id}: the PNG is not what the system fonts alone draw`);
  }
});
