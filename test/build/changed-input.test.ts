/**
 * A copy of the project with changed input, built once, with the network cut
 * off, and read by the sets of tests below (one build serves them all: neither
 * change touches what the other checks). It is the suite's one build besides
 * the export under test: the tests of that export only read dist/. In the
 * copy, the pages these tests do not read are stubs (every chart, embed and
 * image is still drawn), which halves the build.
 *
 * The build needs no network: it runs in a network namespace with only a
 * loopback, attempts no download, and what it exports loads nothing from
 * another origin. Then a malformed data file stops the next build, which
 * names file, line and column, and this export stays byte for byte as it was.
 *
 * The numbers follow the data: one count is changed and one event added in
 * the copy's data/, and the pages are read in the browser: the prose, the
 * chart, its text alternative and its download all show the new count and the
 * share recomputed from it, and the timeline lists the new event.
 *
 * The newsroom theme is one file, and it reaches everything a reader or an
 * editor publishes: the copy's src/theme.ts names a font from npm, a focus
 * colour, an accent and a logo, and its pages, embeds and chart images carry
 * them (the PNGs drawn in that font); the default export carries none of them.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, test} from "node:test";
import type {Browser} from "playwright-core";
import {imageFont, rasterise} from "../../scripts/prerender/chart-images.js";
import {findThirdPartyLoads} from "../../scripts/export/check-export.js";
import {launchBrowser, openPage, waitForCells} from "../../scripts/export/chromium.js";
import {serve, type StaticServer} from "../../scripts/export/static-server.js";
import {hashFolders} from "../../scripts/export/stamps.js";
import {buildIn, copyProject, type BuildResult} from "../helpers/project-copy.js";
import {distDir} from "../helpers/site.js";

const copy = copyProject({pages: ["/deaths", "/timeline"]});
const out = copy.dist;
const fonts = mkdtempSync(join(tmpdir(), "shft-theme-fonts-"));
let server: StaticServer;
let browser: Browser;
let built: BuildResult;

/** Replaces one cell of the row whose first column is `id`, keeping the rest as written. */
function setCell(file: string, id: string, from: string, to: string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  const i = lines.findIndex((line) => line.startsWith(`${id},`));
  assert.ok(i > 0 && lines[i]!.includes(`,${from},`), `row ${id} with ${from} not found in ${file}`);
  lines[i] = lines[i]!.replace(`,${from},`, `,${to},`);
  writeFileSync(file, lines.join("\n"));
}

const NEW_EVENT = "A test event added to a copy of the data";

const FOCUS = "#117733";
const ACCENT = "#882255";
const LOGO = "The Test Gazette";
const FAMILY = "Source Sans 3";
const FONT = {family: FAMILY, package: "@fontsource/source-sans-3", weights: [400, 700]};

/** The copy's data: 272 investigated becomes 300 (300 / 722 = 41.6%), and an event is added. */
function changeData(data: string): void {
  setCell(join(data, "mazars_figures.csv"), "unexpected_investigated_cir_siri", "272", "300");
  const events = join(data, "events.csv");
  // A final event needs a primary document or original reporting as its source.
  const source = readFileSync(join(data, "sources.csv"), "utf8").split("\n").find((line) => line.includes(",primary document,"))!.split(",")[0];
  writeFileSync(events, readFileSync(events, "utf8") + `2017_02_test_event,2017-02,month,,${NEW_EVENT},,report,final,${source},,A quote from the source\n`);
}

/** The copy's theme: a font from npm, a focus colour, an accent and a logo. */
function changeTheme(root: string): void {
  const theme = join(root, "src", "theme.ts");
  const source = readFileSync(theme, "utf8");
  const themed = source
    .replace(/font: null,/, `font: ${JSON.stringify(FONT)},`)
    .replace(/focus: "#[0-9A-Fa-f]{6}"/, `focus: "${FOCUS}"`)
    .replace(/accent: null/, `accent: "${ACCENT}"`)
    .replace(/logo: null/, `logo: {text: "${LOGO}"}`);
  assert.notEqual(themed, source, "the theme file has the fields this test sets");
  writeFileSync(theme, themed);
}

before(async () => {
  changeData(join(copy.root, "data"));
  changeTheme(copy.root);
  built = await buildIn(copy, {offline: true});
  assert.equal(built.status, 0, `the build of the changed copy, offline, failed:\n${built.stdout}\n${built.stderr}`);
  server = await serve(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  copy.remove();
  rmSync(fonts, {recursive: true, force: true});
});

describe("the numbers follow the data", () => {
  test("a changed count flows into the prose, the chart, its alt text and its download", async () => {
    const context = await browser.newContext();
    try {
      const {page} = await openPage(context, server.origin);
      await page.goto(`${server.url}deaths`);
      await waitForCells(page);
      const prose = await page.locator("#observablehq-main > p").allInnerTexts();
      assert.ok(prose.some((p) => p.includes("300") && p.includes("41.6%")), "the prose should state 300 and 41.6%");
      assert.ok(!prose.some((p) => /\b272\b/.test(p)), "the old count must be gone from the prose");
      const funnel = page.locator("#chart-funnel");
      assert.match(await funnel.locator(".chart-title").innerText(), /^300 of 722 /);
      assert.match((await funnel.locator(".chart-body").getAttribute("aria-label")) ?? "", /300 \(41\.6% of 722\)/);
      // The drawings from the build, one for each range of widths, until the reader gets to the chart.
      for (const drawing of await funnel.locator(".chart-body svg").all()) assert.match(await drawing.innerHTML(), /300 \(41\.6% of 722\)/);
      // The drawing from the build links the CSV file the build wrote; the live chart, a data: address.
      const link = (await funnel.locator("a.chart-download").getAttribute("href")) ?? "";
      const csv = link.startsWith("data:") ? decodeURIComponent(link.split(",").slice(1).join(",")) : await (await page.request.get(new URL(link, page.url()).href)).text();
      const row = csv.split("\n").find((line) => line.includes("unexpected_investigated_cir_siri"));
      assert.ok(row?.includes(",300,") && row.includes("41.6"), `download row: ${row}`);
    } finally {
      await context.close();
    }
  });

  test("an added event appears in the timeline, dated to its month", async () => {
    const context = await browser.newContext();
    try {
      const {page} = await openPage(context, server.origin);
      await page.goto(`${server.url}timeline`);
      await waitForCells(page);
      const text = await page.locator("#observablehq-main").innerText();
      assert.ok(text.includes(NEW_EVENT), "the new event should be listed");
      assert.ok(text.includes("February 2017"), "its date should be written to the month");
    } finally {
      await context.close();
    }
  });
});

describe("the theme reaches what is published", () => {
  const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

  test("pages load the theme's font from the export and use its accent", () => {
    const page = read(out, "deaths.html");
    assert.match(page, new RegExp(`@font-face \\{ font-family: "${FAMILY}"`));
    assert.match(page, new RegExp(`--theme-foreground-focus: ${ACCENT}`));
    const font = at(/url\("([^"]+\.woff2)"\)/.exec(page)!, 1, "the match");
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
    for (const [name, text] of [["page", read(distDir, "deaths.html")], ["embed", read(distDir, "embed/funnel.html")], ["image", read(distDir, "charts/funnel.svg")]] as const) {
      assert.ok(!text.includes(FOCUS) && !text.includes(LOGO), `the default ${name} has neither`);
    }
  });

  test("chart images are drawn in the theme's font, not in the system's", async () => {
    const font = await imageFont(fonts, FONT);
    // The funnel's text is all in the font; the ages chart's axis label ends in an arrow it lacks.
    for (const id of ["funnel", "ages"]) {
      const svg = read(out, `charts/${id}.svg`);
      const png = readFileSync(join(out, `charts/${id}.png`));
      assert.match(svg, new RegExp(`font-family="'${FAMILY}', `), `${id}: the SVG's frame text names the theme's family`);
      assert.ok(png.equals(rasterise(svg, font)), `${id}: the PNG is the SVG drawn with the theme's font, decoded from its woff files`);
      assert.ok(!png.equals(rasterise(svg, null)), `${id}: the PNG is not what the system fonts alone draw`);
    }
  });
});

describe("the build needs no network", () => {
  test("offline, it attempted no download, and its export loads nothing from another origin", async () => {
    // Framework logs each download it attempts as "npm:<name> →"; none may happen.
    assert.doesNotMatch(built.stdout, /npm:\S+ →|unable to fetch|ENOTFOUND|getaddrinfo/);
    assert.deepEqual(await findThirdPartyLoads(out), []);
  });
});

// Last: it breaks the copy's data, which the tests above have read.
test("a malformed data file stops the build, names file, line and column, and keeps the previous export", async () => {
  const before = await hashFolders([out]);
  const csv = join(copy.root, "data", "mazars_figures.csv");
  const lines = readFileSync(csv, "utf8").split("\n");
  const line = lines.findIndex((l) => l.startsWith("deaths_unexpected,"));
  lines[line] = lines[line]!.replace(",722,", ",seven hundred,");
  writeFileSync(csv, lines.join("\n"));
  const result = await buildIn(copy);
  assert.notEqual(result.status, 0, "the build should fail");
  assert.match(result.stdout + result.stderr, new RegExp(`mazars_figures\\.csv:${line + 1}:\\d+: column 'value': expected a number, got "seven hundred"`));
  assert.equal(await hashFolders([out]), before, "the previous export changed");
});
