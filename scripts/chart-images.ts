/**
 * Each chart as an image, written at build without a browser: `charts/<id>.svg`
 * (title, subtitle, the chart's drawing, source line and the theme's logo, in
 * one standalone SVG) and `charts/<id>.png` at twice that size, rasterised by
 * resvg (@resvg/resvg-js, a prebuilt native binary from npm). For link-preview
 * cards, CMS fallbacks and anywhere no script runs. The fonts are the theme's
 * family if the machine has it, else the system's sans-serif.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {THEME} from "../src/theme.js";

const PADDING = 16;
const FOREGROUND = "#1b1e23";
const MUTED = "#4f5860";
const BACKGROUND = "#ffffff";

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
  const font = `${THEME.font ? `'${THEME.font.family}', ` : ""}'Liberation Sans', 'DejaVu Sans', sans-serif`;
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

export async function writeChartImages(site: string, charts: ReadonlyMap<string, {widest: Element}>): Promise<void> {
  const dir = join(site, "charts");
  await mkdir(dir, {recursive: true});
  for (const [id, {widest}] of charts) {
    const {svg} = frameToSvg(widest);
    const png = new Resvg(svg, {fitTo: {mode: "zoom", value: 2}, font: {loadSystemFonts: true, defaultFontFamily: "Liberation Sans"}}).render().asPng();
    await writeFile(join(dir, `${id}.svg`), svg);
    await writeFile(join(dir, `${id}.png`), png);
  }
}
