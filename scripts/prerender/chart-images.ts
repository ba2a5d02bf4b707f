/**
 * Each chart as an image, written at build without a browser: `charts/<id>.svg`
 * (title, subtitle, the chart's drawing, source line and the theme's logo, in
 * one standalone SVG) and `charts/<id>.png` at twice that size, rasterised by
 * resvg (@resvg/resvg-js, a prebuilt native binary from npm). For link-preview
 * cards, CMS fallbacks and anywhere no script runs. With a theme font, the
 * PNGs are drawn in it, from the same @fontsource package the pages load:
 * resvg reads TrueType, not woff2, so the package's woff files are decoded for
 * it (scripts/node/woff.ts); system fonts draw the text it cannot.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {THEME} from "../../src/theme.js";
import {fontCharacters} from "../node/cmap.js";
import {sfntFromWoff} from "../node/woff.js";
import {themeFontFiles} from "./theme-fonts.js";
import {cloneElement} from "../../src/components/dom.js";
import {imageNotes, imageSourceLine} from "../../src/components/frame/source-line.js";
import {standaloneDrawing} from "../../src/components/frame/chart-image.js";
import {legendEntries, legendRows} from "../../src/components/frame/image-legend.js";
import {IMAGE_PADDING, imageFoot, imageHead, imageSvg, type ImageStyle} from "../../src/components/frame/image-text.js";

/** The system's fonts, after the theme's, as the build machines (Debian) have them. */
const SYSTEM_FONTS = "'Liberation Sans', 'DejaVu Sans', sans-serif";
/** The image's colours, light as a newspaper's page, and its font. */
const STYLE: ImageStyle = {
  font: `${THEME.font ? `'${THEME.font.family}', ` : ""}${SYSTEM_FONTS}`,
  foreground: "#1b1e23",
  muted: "#4f5860",
  background: "#ffffff"
};

/** The chart's drawings: its Plot SVGs, not the small swatches of a legend nor SVGs nested in another. */
function drawingsOf(figure: Element): Element[] {
  return [...figure.querySelectorAll("svg")].filter((svg) => Number(svg.getAttribute("width")) > 40 && !svg.parentElement?.closest("svg"));
}

/** Whether a framed chart has a drawing to make an image of; a table (the findings explorer) has none. */
export function hasDrawing(figure: Element): boolean {
  return drawingsOf(figure).length > 0;
}

/** The framed chart (a ChartFrame element) as one standalone SVG document. */
export function frameToSvg(figure: Element): {svg: string; width: number; height: number} {
  const drawings = drawingsOf(figure);
  const width = Math.max(320, ...drawings.map((svg) => Number(svg.getAttribute("width")))) + 2 * IMAGE_PADDING;
  const inner = width - 2 * IMAGE_PADDING;
  const text = (selector: string) => figure.querySelector(selector)?.textContent?.trim() ?? "";
  const head = imageHead({title: text(".chart-title") || text("h1, h2, h3, h4"), subtitle: text(".chart-subtitle")}, inner, STYLE);
  let y = head.y;
  let body = head.markup;
  const legend = legendRows(legendEntries(figure), inner, y, STYLE);
  body += legend.markup;
  y = legend.y;
  for (const drawing of drawings) {
    const copy = cloneElement(drawing);
    copy.setAttribute("x", String(IMAGE_PADDING));
    copy.setAttribute("y", String(y));
    body += standaloneDrawing(copy.outerHTML, STYLE.background);
    y += Number(drawing.getAttribute("height"));
  }
  const foot = imageFoot({notes: imageNotes(figure), source: imageSourceLine(figure), credit: THEME.logo?.text ?? null}, inner, y, STYLE);
  return {svg: imageSvg(width, foot.y, STYLE, body + foot.markup), width, height: foot.y};
}

/** A font as resvg takes it: sfnt files, the family name they hold and the characters they draw. */
export interface ImageFont {
  family: string;
  files: string[];
  characters: Set<number>;
}

/**
 * The theme's font decoded into `dir`, one file per weight; null without a theme font. Files,
 * because resvg-js 2.6 takes fonts only as paths (`fontFiles`, `fontDirs`), not as buffers.
 */
export async function imageFont(dir: string, font = THEME.font): Promise<ImageFont | null> {
  if (!font) return null;
  const files: string[] = [];
  const characters = new Set<number>();
  for (const {file, path} of await themeFontFiles("woff", font)) {
    const sfnt = sfntFromWoff(await readFile(path), path);
    for (const c of fontCharacters(sfnt, path)) characters.add(c);
    const decoded = join(dir, file.replace(/\.woff$/, sfnt.readUInt32BE(0) === 0x4f54544f ? ".otf" : ".ttf"));
    await writeFile(decoded, sfnt);
    files.push(decoded);
  }
  return {family: font.family, files, characters};
}

const ENTITIES: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) =>
    name[0] === "#" ? String.fromCodePoint(Number(name[1] === "x" || name[1] === "X" ? `0${name.slice(1)}` : name.slice(1))) : (ENTITIES[name] ?? entity)
  );

/**
 * Text elements with a character the font lacks, set in the system's fonts as a whole. resvg 2.6
 * falls back per text element, not per character, and to the first installed face that has the
 * character, whatever its weight and slant: Plot's axis label "Age at death (years) →" (Source
 * Sans has no "→") came out entirely in Liberation Sans Bold Italic. Naming the family lets resvg
 * pick the face of the element's own weight and slant, as the default theme's images have it.
 */
function systemFontsWhereMissing(svg: string, font: ImageFont): string {
  return svg.replace(/<text(\s[^>]*[^/>])?>([\s\S]*?)<\/text>/g, (element, attributes = "", content: string) => {
    const text = unescapeXml(content.replace(/<title>[\s\S]*?<\/title>/g, "").replace(/<[^>]*>/g, ""));
    if ([...text].every((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code < 0x20 || font.characters.has(code);
    })) return element;
    return `<text${attributes.replace(/\sfont-family="[^"]*"/, "")} font-family="${SYSTEM_FONTS}">${content}</text>`;
  });
}

/**
 * The SVG as a PNG at twice its size. The theme's font is also resvg's sans-serif, which is what
 * the charts' own text asks for (Plot writes `font-family="system-ui, sans-serif"`, and resvg has
 * no system-ui); the frame's text names the family itself. System fonts stay loaded as fallback.
 */
export function rasterise(svg: string, font: ImageFont | null): Buffer {
  const fonts = font ? {fontFiles: font.files, defaultFontFamily: font.family, sansSerifFamily: font.family} : {defaultFontFamily: "Liberation Sans"};
  const drawn = font ? systemFontsWhereMissing(svg, font) : svg;
  return new Resvg(drawn, {fitTo: {mode: "zoom", value: 2}, font: {loadSystemFonts: true, ...fonts}}).render().asPng();
}

/** Writes `charts/<id>.svg` and `.png` for each chart the registry gives an image (a table has none); a chart that should have one but drew nothing stops the build. */
export async function writeChartImages(site: string, charts: ReadonlyMap<string, {widest: Element}>, hasImage: (id: string) => boolean): Promise<void> {
  const dir = join(site, "charts");
  await mkdir(dir, {recursive: true});
  // The decoded fonts serve this run only and stay out of the export.
  const fontDir = await mkdtemp(join(tmpdir(), "image-fonts-"));
  try {
    const font = await imageFont(fontDir);
    for (const [id, {widest}] of charts) {
      // A table is not a chart: it gets no image (and link previews use another chart's).
      if (!hasImage(id)) continue;
      if (!hasDrawing(widest)) throw new Error(`the chart '${id}' drew nothing to make an image of; a table says so in its registry entry (image: false)`);
      const {svg} = frameToSvg(widest);
      await writeFile(join(dir, `${id}.svg`), svg);
      await writeFile(join(dir, `${id}.png`), rasterise(svg, font));
    }
  } finally {
    await rm(fontDir, {recursive: true, force: true});
  }
}
