/**
 * A chart's legend as its image draws it. On the page the legend is HTML above
 * the drawing, not part of it, so an image draws it again, from the same
 * elements: Plot's colour swatches (`<span class="plot-…-swatch"><svg fill="…">`)
 * and the ratings grid's own. One definition for the build's images and the
 * page's downloads.
 */
import {escapeXml} from "../../lib/story/format.js";
import {cloneElement} from "../dom.js";
import {charWidth, IMAGE_PADDING, type ImageStyle} from "./image-text.js";

/** A legend entry as the image draws it: a swatch (a colour, an outline, hatching) and its label. */
export interface LegendEntry {
  label: string;
  fill: string;
  /** An outline: drawn in the image's foreground colour. */
  outlined: boolean;
  dashed: boolean;
  hatched: boolean;
  /** Plot's own swatch (a colour or a symbol), drawn as it is. */
  swatch?: Element;
}

export function legendEntries(figure: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const swatch of figure.querySelectorAll("span[class$='-swatch']")) {
    const svg = swatch.querySelector("svg");
    if (!svg) continue;
    entries.push({label: (swatch.textContent ?? "").trim(), fill: svg.getAttribute("fill") ?? "currentColor", outlined: false, dashed: false, hatched: false, swatch: svg});
  }
  for (const item of figure.querySelectorAll(".ratings-legend-item")) {
    const swatch = item.querySelector<HTMLElement>(".ratings-swatch");
    const kind = swatch?.classList;
    entries.push({
      label: (item.textContent ?? "").trim(),
      fill: swatch?.style.background || "none",
      outlined: Boolean(kind?.contains("ratings-swatch-inspection") || kind?.contains("ratings-swatch-secondary") || kind?.contains("ratings-swatch-hatched")),
      dashed: Boolean(kind?.contains("ratings-swatch-secondary")),
      hatched: Boolean(kind?.contains("ratings-swatch-hatched"))
    });
  }
  return entries;
}

/** The entries flowing left to right from `y` and wrapping at `width`, as the page's legend does; `y` is then below them. */
export function legendRows(entries: LegendEntry[], width: number, y: number, style: ImageStyle): {markup: string; y: number} {
  if (!entries.length) return {markup: "", y};
  const size = 12;
  const rowHeight = 20;
  let markup = "";
  let x = IMAGE_PADDING;
  y += 2;
  if (entries.some((entry) => entry.hatched)) {
    markup += `<defs><pattern id="legend-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${style.foreground}" stroke-opacity="0.35" stroke-width="2"/></pattern></defs>`;
  }
  for (const entry of entries) {
    const entryWidth = 16 + 6 + entry.label.length * charWidth(size) + 16;
    if (x > IMAGE_PADDING && x + entryWidth > IMAGE_PADDING + width) (x = IMAGE_PADDING), (y += rowHeight);
    const fill = entry.hatched ? "url(#legend-hatch)" : entry.fill;
    const stroke = entry.outlined ? ` stroke="${style.foreground}" stroke-width="1.5"${entry.dashed ? ' stroke-dasharray="3,2"' : ""}` : "";
    if (entry.swatch) {
      const copy = cloneElement(entry.swatch);
      copy.setAttribute("x", String(x));
      copy.setAttribute("y", String(y + 2));
      markup += copy.outerHTML;
    } else markup += `<rect x="${x}" y="${y + 3}" width="16" height="12" rx="2" fill="${escapeXml(fill)}"${stroke}/>`;
    markup += `<text x="${x + 22}" y="${y + 13.5}" font-family="${style.font}" font-size="${size}" fill="${style.foreground}">${escapeXml(entry.label)}</text>`;
    x += entryWidth;
  }
  return {markup, y: y + rowHeight + 6};
}
