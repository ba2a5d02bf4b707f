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
import {THEME} from "../src/theme.js";
import {fontCharacters} from "./node/cmap.js";
import {sfntFromWoff} from "./node/woff.js";
import {themeFontFiles} from "./theme-fonts.js";

const PADDING = 16;
const FOREGROUND = "#1b1e23";
const MUTED = "#4f5860";
const BACKGROUND = "#ffffff";
/** The system's fonts, after the theme's, as the build machines (Debian) have them. */
const SYSTEM_FONTS = "'Liberation Sans', 'DejaVu Sans', sans-serif";

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})[c]!);

function wrap(text: string, width: number, charWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line && (line.length + 1 + word.length) * charWidth > width) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** The framed chart (a ChartFrame element) as one standalone SVG document. */
export function frameToSvg(figure: Element): {svg: string; width: number; height: number} {
  const drawings = [...figure.querySelectorAll("svg")].filter((svg) => Number(svg.getAttribute("width")) > 40 && !svg.parentElement?.closest("svg"));
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
  for (const drawing of drawings) {
    const copy = drawing.cloneNode(true) as Element;
    copy.setAttribute("x", String(PADDING));
    copy.setAttribute("y", String(y));
    body += copy.outerHTML;
    y += Number(drawing.getAttribute("height"));
  }
  y += 6;
  block(text(".chart-source"), 12, 16, 400, MUTED);
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
    if ([...text].every((c) => c.codePointAt(0)! < 0x20 || font.characters.has(c.codePointAt(0)!))) return element;
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

export async function writeChartImages(site: string, charts: ReadonlyMap<string, {widest: Element}>): Promise<void> {
  const dir = join(site, "charts");
  await mkdir(dir, {recursive: true});
  // The decoded fonts serve this run only and stay out of the export.
  const fontDir = await mkdtemp(join(tmpdir(), "image-fonts-"));
  try {
    const font = await imageFont(fontDir);
    for (const [id, {widest}] of charts) {
      const {svg} = frameToSvg(widest);
      await writeFile(join(dir, `${id}.svg`), svg);
      await writeFile(join(dir, `${id}.png`), rasterise(svg, font));
    }
  } finally {
    await rm(fontDir, {recursive: true, force: true});
  }
}
