/**
 * Chart images made in the reader's browser from the live chart: one SVG with
 * the title, subtitle, notes, source line and credit drawn in as the build's
 * images have them (image-text.ts), and a PNG at twice its size. Colours are
 * resolved from the page, so an image taken in dark mode keeps the dark
 * background its light text needs.
 */
import {escapeXml} from "../../lib/story/format.js";
import {THEME} from "../../theme.js";
import {cloneElement, element} from "../dom.js";
import {legendEntries, legendRows} from "./image-legend.js";
import {IMAGE_PADDING, imageFoot, imageHead, imageSvg, type ImageStyle} from "./image-text.js";
import {imageNotes, imageSourceLine} from "./source-line.js";

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/**
 * A drawing's markup for a standalone image, which has none of the page's stylesheet: label halos,
 * drawn in the page's background variable (src/components/charts/chart-labels.ts), get the image's
 * background colour (without it they vanish, and lines strike through the labels again); and text
 * Plot sets at 10 or 11 px is set at 12, as the stylesheet sets it on the page (src/style.css).
 */
export function standaloneDrawing(markup: string, background: string): string {
  return markup.replaceAll("var(--theme-background)", background).replace(/\bfont-size="1[01]"/g, 'font-size="12"');
}

/**
 * A computed colour as plain `rgb()`: themes mix colours (`color(srgb …)`, `oklch(…)`), which a
 * browser draws but an editor's tools and older viewers may not. Read back from a canvas pixel.
 */
function plainRgb(colour: string): string {
  const context = element("canvas").getContext("2d", {willReadFrequently: true});
  if (!context) return colour;
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colour the page is drawn on: the body's, or where the body is transparent (the theme paints the root), the root's. */
function pageBackground(): string {
  const painted = [document.body, document.documentElement].map((node) => getComputedStyle(node).backgroundColor).find((colour) => !/^(transparent|rgba\(.*,\s*0\))$/.test(colour));
  return painted ?? "#ffffff";
}

/** The framed chart as a standalone SVG document, in the colours the reader sees it in. */
export function chartToSvg(frame: HTMLElement): ChartImage {
  const body = frame.querySelector<HTMLElement>(".chart-body");
  if (!body) throw new Error("the chart's frame has no .chart-body to draw");
  const style: ImageStyle = {
    // The browser quotes font names with double quotes; the image's attributes are double-quoted.
    font: getComputedStyle(frame.querySelector(".chart-title") ?? frame).fontFamily.replace(/"/g, "'"),
    foreground: plainRgb(getComputedStyle(frame).color),
    muted: plainRgb(getComputedStyle(frame.querySelector(".chart-subtitle") ?? frame).color),
    background: plainRgb(pageBackground())
  };
  const width = Math.ceil(body.getBoundingClientRect().width);
  const text = (selector: string) => frame.querySelector(selector)?.textContent?.trim() ?? "";
  const head = imageHead({title: text(".chart-title"), subtitle: text(".chart-subtitle")}, width, style);
  const legend = legendRows(legendEntries(frame), width, head.y, style);
  let content = head.markup + legend.markup;
  // The drawings, and their panels' headings, keep their places relative to each other (a chart may
  // have several panels side by side); the legend is drawn above them, in rows of its own.
  const drawings = [...body.querySelectorAll("svg")].filter((svg) => !svg.parentElement?.closest("svg") && !svg.closest("[class$='-swatch']"));
  const headings = [...body.querySelectorAll(".chart-panel-title")];
  const boxes = [...drawings, ...headings].map((node) => node.getBoundingClientRect());
  const left = body.getBoundingClientRect().left;
  const top = Math.min(...boxes.map((box) => box.top));
  const bottom = Math.max(...boxes.map((box) => box.bottom));
  const place = (node: Element) => {
    const box = node.getBoundingClientRect();
    return {x: IMAGE_PADDING + box.left - left, y: legend.y + box.top - top, width: box.width, height: box.height};
  };
  for (const svg of drawings) {
    const at = place(svg);
    const copy = cloneElement(svg);
    for (const [name, value] of Object.entries({x: at.x, y: at.y, width: at.width, height: at.height})) copy.setAttribute(name, String(value));
    copy.setAttribute("color", style.foreground);
    content += standaloneDrawing(new XMLSerializer().serializeToString(copy), style.background);
  }
  for (const heading of headings) {
    const at = place(heading);
    content += `<text x="${at.x}" y="${at.y + 13}" fill="${style.foreground}" font-family="${style.font}" font-size="12" font-weight="600">${escapeXml(heading.textContent ?? "")}</text>`;
  }
  const foot = imageFoot({notes: imageNotes(frame), source: imageSourceLine(frame), credit: THEME.logo?.text ?? null}, width, legend.y + (boxes.length ? bottom - top : 0) + 6, style);
  const totalWidth = width + 2 * IMAGE_PADDING;
  return {svg: imageSvg(totalWidth, foot.y, style, content + foot.markup), width: totalWidth, height: foot.y};
}

/** Rasterises the SVG at `scale` times its size. */
export async function svgToPng({svg, width, height}: ChartImage, scale = 2): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    image.src = url;
    await image.decode();
    const canvas = element("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
