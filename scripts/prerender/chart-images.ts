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
import {escapeXml} from "../../src/lib/story/format.js";
import {fontCharacters} from "../node/cmap.js";
import {sfntFromWoff} from "../node/woff.js";
import {themeFontFiles} from "./theme-fonts.js";
import {cloneElement} from "../../src/components/dom.js";
import {imageNotes, imageSourceLine} from "../../src/components/frame/source-line.js";
import {withBackground} from "../../src/components/frame/chart-image.js";

const PADDING = 16;
const FOREGROUND = "#1b1e23";
const MUTED = "#4f5860";
const BACKGROUND = "#ffffff";
/** The system's fonts, after the theme's, as the build machines (Debian) have them. */
const SYSTEM_FONTS = "'Liberation Sans', 'DejaVu Sans', sans-serif";


function wrap(text: string, width: number, charWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line && (line.length + 1 + word.length) * charWidth > width) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** The chart's drawings: its Plot SVGs, not the small swatches of a legend nor SVGs nested in another. */
function drawingsOf(figure: Element): Element[] {
  return [...figure.querySelectorAll("svg")].filter((svg) => Number(svg.getAttribute("width")) > 40 && !svg.parentElement?.closest("svg"));
}

/** Whether a framed chart has a drawing to make an image of; a table (the findings explorer) has none. */
export function hasDrawing(figure: Element): boolean {
  return drawingsOf(figure).length > 0;
}

/** A legend entry as the image draws it: a swatch (a colour, an outline, hatching) and its label. */
interface LegendEntry {
  label: string;
  fill: string;
  stroke: string | null;
  dashed: boolean;
  hatched: boolean;
  /** Plot's own swatch (a colour or a symbol), drawn as it is. */
  swatch?: Element;
}

/**
 * The legend the page shows above a chart, which is HTML, not part of the drawing: Plot's colour
 * swatches (`<span class="plot-…-swatch"><svg fill="…">`) and the ratings grid's own.
 */
export function legendEntries(figure: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const swatch of figure.querySelectorAll("span[class$='-swatch']")) {
    const svg = swatch.querySelector("svg");
    if (!svg) continue;
    entries.push({label: (swatch.textContent ?? "").trim(), fill: svg.getAttribute("fill") ?? FOREGROUND, stroke: null, dashed: false, hatched: false, swatch: svg});
  }
  for (const item of figure.querySelectorAll(".ratings-legend-item")) {
    const swatch = item.querySelector<HTMLElement>(".ratings-swatch");
    const kind = swatch?.classList;
    entries.push({
      label: (item.textContent ?? "").trim(),
      fill: swatch?.style.background || "none",
      stroke: kind?.contains("ratings-swatch-inspection") || kind?.contains("ratings-swatch-secondary") || kind?.contains("ratings-swatch-hatched") ? FOREGROUND : null,
      dashed: Boolean(kind?.contains("ratings-swatch-secondary")),
      hatched: Boolean(kind?.contains("ratings-swatch-hatched"))
    });
  }
  return entries;
}

/** Rough width of a line of text, for wrapping; generous, so that wrapped lines never overrun. */
const textWidth = (text: string, size: number) => text.length * size * 0.55;

/** The framed chart (a ChartFrame element) as one standalone SVG document. */
export function frameToSvg(figure: Element): {svg: string; width: number; height: number} {
  const drawings = drawingsOf(figure);
  const width = Math.max(320, ...drawings.map((svg) => Number(svg.getAttribute("width")))) + 2 * PADDING;
  const inner = width - 2 * PADDING;
  const font = `${THEME.font ? `'${THEME.font.family}', ` : ""}${SYSTEM_FONTS}`;
  const text = (selector: string) => figure.querySelector(selector)?.textContent?.trim() ?? "";
  let y = PADDING;
  let body = "";
  const block = (content: string, size: number, lineHeight: number, weight: number, colour: string) => {
    for (const line of wrap(content, inner, size * 0.55)) {
      y += lineHeight;
      body += `<text x="${PADDING}" y="${y - lineHeight * 0.25}" font-family="${font}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(line)}</text>`;
    }
  };
  block(text(".chart-title") || text("h1, h2, h3, h4"), 18, 24, 700, FOREGROUND);
  block(text(".chart-subtitle"), 14, 19, 400, MUTED);
  y += 8;
  const legend = legendEntries(figure);
  if (legend.length) {
    // Entries flow left to right and wrap, as the page's legend does.
    const size = 12;
    const rowHeight = 20;
    let x = PADDING;
    y += 2;
    if (legend.some((entry) => entry.hatched)) {
      body += `<defs><pattern id="legend-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${FOREGROUND}" stroke-opacity="0.35" stroke-width="2"/></pattern></defs>`;
    }
    for (const entry of legend) {
      const entryWidth = 16 + 6 + textWidth(entry.label, size) + 16;
      if (x > PADDING && x + entryWidth > PADDING + inner) (x = PADDING), (y += rowHeight);
      const fill = entry.hatched ? "url(#legend-hatch)" : entry.fill;
      const stroke = entry.stroke ? ` stroke="${entry.stroke}" stroke-width="1.5"${entry.dashed ? ' stroke-dasharray="3,2"' : ""}` : "";
      if (entry.swatch) {
        const copy = cloneElement(entry.swatch);
        copy.setAttribute("x", String(x));
        copy.setAttribute("y", String(y + 2));
        body += copy.outerHTML;
      } else body += `<rect x="${x}" y="${y + 3}" width="16" height="12" rx="2" fill="${escapeXml(fill)}"${stroke}/>`;
      body += `<text x="${x + 22}" y="${y + 13.5}" font-family="${font}" font-size="${size}" fill="${FOREGROUND}">${escapeXml(entry.label)}</text>`;
      x += entryWidth;
    }
    y += rowHeight + 6;
  }
  for (const drawing of drawings) {
    const copy = cloneElement(drawing);
    copy.setAttribute("x", String(PADDING));
    copy.setAttribute("y", String(y));
    body += withBackground(copy.outerHTML, BACKGROUND);
    y += Number(drawing.getAttribute("height"));
  }
  y += 6;
  for (const note of imageNotes(figure)) block(note, 12, 16, 400, MUTED);
  y += 4;
  block(imageSourceLine(figure), 12, 16, 400, MUTED);
  if (THEME.logo) block(THEME.logo.text, 12, 16, 700, FOREGROUND);
  const height = Math.ceil(y + PADDING);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" color="${FOREGROUND}" style="color: ${FOREGROUND}"><rect width="100%" height="100%" fill="${BACKGROUND}"/>${body}</svg>`;
  return {svg, width, height};
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
