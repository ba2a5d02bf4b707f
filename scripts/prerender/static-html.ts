/**
 * What build-time charts and cells share with the pages: how static variants
 * of a chart are wrapped and chosen by width, the script that hands a static
 * chart over to the live one, and what a captured cell is. The steps that put
 * them into pages are scripts/steps/static-charts.ts and static-cells.ts.
 */

export interface Variant {
  /** The container widths, in CSS pixels, this variant is shown at: min ≤ width < max. */
  min: number;
  max: number;
  /** The framed chart drawn at width `min` (or the smallest width drawn). */
  html: string;
}

export const CONTAINER = "static-chart";

export function rangeKey({min, max}: Pick<Variant, "min" | "max">): string {
  return `${min}-${Number.isFinite(max) ? max : "up"}`;
}

/** The variants of one chart, each shown only when its container's width is in its range. */
export function variantsHtml(variants: Variant[]): string {
  return variants.map((v) => `<div class="static-variant" data-range="${rangeKey(v)}">${v.html}</div>`).join("");
}

/** The container-query rules that show each range's variant, and a fallback where container queries are unknown. */
export function variantCss(variants: Variant[]): string {
  const ranges = [...new Map(variants.map((v) => [rangeKey(v), v])).values()].sort((a, b) => a.min - b.min || a.max - b.max);
  const rules = ranges.map((v) => {
    const query = [v.min > 0 ? `(width >= ${v.min}px)` : "", Number.isFinite(v.max) ? `(width < ${v.max}px)` : ""].filter(Boolean).join(" and ");
    return `@container ${CONTAINER} ${query} { .static-variant[data-range="${rangeKey(v)}"] { display: block; } }`;
  });
  return [
    `.static-chart { display: block; container: ${CONTAINER} / inline-size; }`,
    `.static-variant { display: none; }`,
    ...rules,
    `@supports not (container-type: inline-size) { .static-variant:last-child { display: block; } }`
  ].join("\n");
}

/** Removes a cell's static chart as soon as the cell holds live content beside it. */
export const HYDRATE = `(() => {
  const swap = () => {
    const left = document.querySelectorAll(".static-chart");
    for (const node of left) {
      if ([...node.parentElement.children].some((child) => child !== node && child.firstElementChild)) node.remove();
    }
    if (left.length === 0 && document.readyState !== "loading") observer.disconnect();
  };
  const observer = new MutationObserver(swap);
  observer.observe(document.documentElement, {childList: true, subtree: true});
})();`;

/**
 * The first chart is painted with the first content: an empty element just after its drawing is
 * named by a render-blocking `<link rel="expect">` in the head, so the browser does not paint
 * the page until the parser has read that far (Chromium holds the paint; others ignore the hint).
 * Without it, a page with a long lede painted its prose while the chart was still being parsed.
 */
export const FIRST_CHART_DRAWN = "first-chart-drawn";
export class RewriteError extends Error {}

export interface CapturedCell {
  /** The cell's output as the browser serialises it, ids renamed. */
  html: string;
  /** Holds form controls: shown, but inert until the live control replaces it. */
  controls: boolean;
}
