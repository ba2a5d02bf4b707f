/**
 * What every chart image says around its drawing, and how it is set: the
 * title, subtitle, notes, source line and the newsroom's credit, wrapped to
 * the image's width, with one padding and one set of sizes (none under 12 px).
 * Defined once for both writers of images: the build's (charts/<id>.svg and
 * .png, scripts/prerender/chart-images.ts), which knows the drawing's size but
 * has no layout, and the page's Download buttons (chart-image.ts), which place
 * the live drawing as the reader sees it.
 */
import {escapeXml} from "../../lib/story/format.js";

export const IMAGE_PADDING = 16;

/** The colours and the font an image is drawn in. */
export interface ImageStyle {
  /** A CSS font-family list, its names in single quotes: it is written into double-quoted attributes. */
  font: string;
  foreground: string;
  muted: string;
  background: string;
}

/** Size, line height and weight of each kind of text. */
const TEXT = {
  title: {size: 18, lineHeight: 24, weight: 700},
  subtitle: {size: 14, lineHeight: 19, weight: 400},
  small: {size: 12, lineHeight: 16, weight: 400},
  credit: {size: 12, lineHeight: 16, weight: 700}
} as const;

/** Rough width of a character at a size: generous, so that a wrapped line never overruns the image. */
export const charWidth = (size: number) => size * 0.55;

/** Words into lines of at most `width` pixels, at `perChar` pixels a character. */
export function wrapWords(text: string, width: number, perChar: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue;
    if (line && (line.length + 1 + word.length) * perChar > width) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** A block of wrapped text whose first line starts below `y`; returns its markup and the `y` below it. */
function block(text: string, kind: keyof typeof TEXT, width: number, y: number, colour: string, font: string): {markup: string; y: number} {
  const {size, lineHeight, weight} = TEXT[kind];
  let markup = "";
  for (const line of wrapWords(text, width, charWidth(size))) {
    y += lineHeight;
    markup += `<text x="${IMAGE_PADDING}" y="${y - lineHeight * 0.25}" font-family="${font}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(line)}</text>`;
  }
  return {markup, y};
}

/** The title and subtitle, from the top of an image `width` pixels inside its padding; `y` is where the chart may start. */
export function imageHead({title, subtitle}: {title: string; subtitle: string}, width: number, style: ImageStyle): {markup: string; y: number} {
  const head = block(title, "title", width, IMAGE_PADDING, style.foreground, style.font);
  const sub = block(subtitle, "subtitle", width, head.y, style.muted, style.font);
  return {markup: head.markup + sub.markup, y: sub.y + 8};
}

/** The notes, the source line and the credit, from `y` below the chart; `y` is then the image's height. */
export function imageFoot({notes, source, credit}: {notes: string[]; source: string; credit: string | null}, width: number, y: number, style: ImageStyle): {markup: string; y: number} {
  let markup = "";
  const add = (text: string, kind: keyof typeof TEXT, colour: string) => {
    const added = block(text, kind, width, y, colour, style.font);
    markup += added.markup;
    y = added.y;
  };
  y += 6;
  for (const note of notes) add(note, "small", style.muted);
  y += 4;
  add(source, "small", style.muted);
  if (credit) add(credit, "credit", style.foreground);
  return {markup, y: Math.ceil(y + IMAGE_PADDING)};
}

/** The standalone SVG document, on the image's background. */
export function imageSvg(width: number, height: number, style: ImageStyle, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" color="${style.foreground}" style="color: ${style.foreground}"><rect width="100%" height="100%" fill="${style.background}"/>${body}</svg>`;
}
