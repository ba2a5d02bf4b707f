/**
 * Chart images made in the reader's browser from the live chart: one SVG with
 * the title, subtitle and source line drawn in, and a PNG at twice its size.
 * Colours are resolved from the page, so an image taken in dark mode keeps the
 * dark background its light text needs.
 */
import {escapeXml} from "../../lib/story/format.js";
import {cloneElement} from "../dom.js";

import {imageNotes, imageSourceLine} from "./source-line.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const PADDING = 16;
const LINE = {title: 22, subtitle: 18, source: 15};

function wrap(text: string, width: number, charWidth: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && (line.length + 1 + word.length) * charWidth > width) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textBlock(lines: string[], y: number, lineHeight: number, style: string, colour: string): string {
  return lines
    .map((line, i) => `<text x="${PADDING}" y="${y + (i + 1) * lineHeight - 4}" fill="${colour}" style="${style}">${escapeXml(line)}</text>`)
    .join("");
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/**
 * A drawing's markup for a standalone image. Label halos are drawn in the page's background
 * variable (src/components/charts/chart-labels.ts), which an image does not have: without its
 * value they vanish, and lines strike through the labels again.
 */
export function withBackground(markup: string, background: string): string {
  return markup.replaceAll("var(--theme-background)", background);
}

/** The framed chart as a standalone SVG document. */
export function chartToSvg(frame: HTMLElement): ChartImage {
  const body = frame.querySelector<HTMLElement>(".chart-body");
  if (!body) throw new Error("the chart's frame has no .chart-body to draw");
  const style = getComputedStyle(frame);
  const colour = style.color;
  const muted = getComputedStyle(frame.querySelector(".chart-subtitle") ?? frame).color;
  const background = getComputedStyle(document.body).backgroundColor;
  const width = Math.ceil(body.getBoundingClientRect().width);
  const sans = getComputedStyle(frame.querySelector(".chart-title") ?? frame).fontFamily.replace(/"/g, "'");
  const title = wrap(frame.querySelector(".chart-title")?.textContent ?? "", width, 10);
  const subtitle = wrap(frame.querySelector(".chart-subtitle")?.textContent ?? "", width, 7.5);
  const notes = imageNotes(frame).flatMap((note) => wrap(note, width, 6.5));
  const source = wrap(imageSourceLine(frame), width, 6.5);
  let y = PADDING;
  let content = textBlock(title, y, LINE.title, `font: 700 18px ${sans}`, colour);
  y += title.length * LINE.title;
  content += textBlock(subtitle, y, LINE.subtitle, `font: 14px ${sans}`, muted);
  y += subtitle.length * LINE.subtitle + 8;
  const origin = body.getBoundingClientRect();
  const place = (node: Element) => {
    const box = node.getBoundingClientRect();
    return {x: PADDING + box.left - origin.left, y: y + box.top - origin.top, width: box.width, height: box.height};
  };
  // Each drawn SVG keeps its place: a chart may have several panels, and a legend.
  for (const svg of body.querySelectorAll("svg")) {
    if (svg.parentElement?.closest("svg") || svg.closest("[class$='-swatch']")) continue;
    const at = place(svg);
    const copy = cloneElement(svg);
    for (const [name, value] of Object.entries({x: at.x, y: at.y, width: at.width, height: at.height})) copy.setAttribute(name, String(value));
    copy.setAttribute("color", colour);
    content += withBackground(new XMLSerializer().serializeToString(copy), background);
  }
  for (const heading of body.querySelectorAll(".chart-panel-title")) {
    const at = place(heading);
    content += `<text x="${at.x}" y="${at.y + 13}" fill="${colour}" style="font: 600 12px ${sans}">${escapeXml(heading.textContent ?? "")}</text>`;
  }
  for (const swatch of body.querySelectorAll("[class$='-swatch']")) {
    const at = place(swatch);
    const fill = swatch.querySelector("rect")?.getAttribute("fill") ?? colour;
    content += `<rect x="${at.x}" y="${at.y + 2}" width="12" height="12" fill="${fill}"/><text x="${at.x + 16}" y="${at.y + 12}" fill="${colour}" style="font: 11px ${sans}">${escapeXml(swatch.textContent ?? "")}</text>`;
  }
  y += origin.height + 12;
  content += textBlock(notes, y, LINE.source, `font: 11px ${sans}`, muted);
  y += notes.length * LINE.source + (notes.length ? 4 : 0);
  content += textBlock(source, y, LINE.source, `font: 11px ${sans}`, muted);
  y += source.length * LINE.source + PADDING;
  const totalWidth = width + 2 * PADDING;
  const svg = `<svg xmlns="${SVG_NS}" width="${totalWidth}" height="${Math.ceil(y)}" viewBox="0 0 ${totalWidth} ${Math.ceil(y)}" color="${colour}"><rect width="100%" height="100%" fill="${background}"/>${content}</svg>`;
  return {svg, width: totalWidth, height: Math.ceil(y)};
}

/** Rasterises the SVG at `scale` times its size. */
export async function svgToPng({svg, width, height}: ChartImage, scale = 2): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
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
