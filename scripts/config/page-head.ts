/**
 * What Framework writes into each page's head beyond its own (the `head`
 * option of observablehq.config.ts, a function of the page), in the preview
 * server as in the export:
 *
 * - what a link preview shows: the page's description, and Open Graph and
 *   Twitter card tags with its title, description and an image of its lead
 *   chart drawn at build (charts/<id>.png). Addresses are relative to the page,
 *   so the export works at any host and sub-path; an editor who knows where the
 *   site will live sets SHFT_SITE_URL, and the image becomes absolute, as some
 *   preview crawlers require;
 * - a page's schema.org description (the sources page describes the data
 *   package as a Dataset).
 */
import {existsSync} from "node:fs";
import {CHART_REGISTRY, type ChartEntry} from "../../src/components/charts/chart-registry.js";
import {chartsPlacedIn, pageFile, pageSource} from "../../src/lib/delivery/page-reads.js";
import {datasetJsonLd} from "../../src/lib/delivery/dataset-jsonld.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {escapeHtml} from "../../src/lib/story/format.js";

/** One sentence per page, for search results and previews; the pages' own figures stay on the pages. */
export const PAGE_DESCRIPTIONS: Record<string, string> = {
  index: "How Southern Health NHS Foundation Trust investigated the deaths of its patients, what the regulators found, and the crisis that followed in 2016, with every figure traced to its source.",
  "crisis-2016": "The months from the leaked Mazars review to the chief executive's exit: the resignation of the chair, the CQC's warning notice and report, and the words of the people involved.",
  deaths: "What the Mazars review found: how many deaths of Southern Health's patients were reported, categorised as unexpected and investigated, service by service.",
  "learning-disability": "Deaths of people with a learning disability in Southern Health's care: how few were investigated, against other hospitals and trusts, and the age at which they died.",
  ratings: "The Care Quality Commission's ratings of Southern Health, inspection by inspection, as the regulator published them.",
  warnings: "Ligature risks the regulator raised again and again, the warning notice of 2016, and the prosecutions and fines that followed.",
  findings: "Every inspection finding, enforcement action and court finding about Southern Health in the record, searchable, each with its source.",
  timeline: "Every dated event in the record, from the trust's formation to its latest ratings, focusable on the crisis of 2016.",
  sources: "Every source the notebook cites, what kind of source it is, and every figure, event and statement that rests on it.",
  explore: "Query every table behind the notebook with SQL in your browser, bring your own files, and download what you find."
};

/** The chart a page with none of its own shows in a preview: the review's funnel, the story's core. */
export const DEFAULT_SHARE_CHART = "funnel";

/** The page's first chart that has an image (a table has none), or null. */
export function leadChart(page: string): string | null {
  // A page a loader writes (the sources page) has no Markdown of its own, and no chart.
  if (!existsSync(pageFile(page).path)) return null;
  const registry: Readonly<Record<string, ChartEntry>> = CHART_REGISTRY;
  return chartsPlacedIn(pageSource(page).text).find((id) => registry[id]?.image !== false) ?? null;
}

/** The tags, as [attribute, name, content]: `name` for the page's description and Twitter's cards, `property` for Open Graph. */
export function shareTagList(page: string, title: string, leadChart: string | null, depth: number, siteUrl = process.env.SHFT_SITE_URL): [string, string, string][] {
  const description = PAGE_DESCRIPTIONS[page];
  if (!description) throw new Error(`the page '${page}' has no description for link previews; add one to PAGE_DESCRIPTIONS in scripts/config/page-head.ts`);
  const site = siteUrl?.replace(/\/?$/, "/");
  const image = `${site ?? "../".repeat(depth)}charts/${leadChart ?? DEFAULT_SHARE_CHART}.png`;
  const url = site ? `${site}${page === "index" ? "" : page}` : null;
  return [
    ["name", "description", description],
    ["property", "og:type", "article"],
    ["property", "og:title", title],
    ["property", "og:description", description],
    ["property", "og:image", image],
    ...(url ? [["property", "og:url", url] satisfies [string, string, string]] : []),
    ["name", "twitter:card", "summary_large_image"],
    ["name", "twitter:title", title],
    ["name", "twitter:description", description],
    ["name", "twitter:image", image]
  ];
}

/** The page a path names, as its Markdown file is named: "/" → "index", "/deaths" → "deaths". */
function pageName(path: string): string {
  return path.replace(/^\//, "").replace(/\/$/, "/index") || "index";
}

/**
 * The tags as Framework's `head` option writes them, for a page at `path` ("/deaths") whose title
 * is `title`, on a site called `siteTitle`: the title as the page's <title> gives it. An embed page
 * is not shared as a page of the site: it gets none.
 */
export function shareTags({title, path}: {title: string | null; path: string}, siteTitle: string): string {
  if (path.startsWith("/embed/")) return "";
  const page = pageName(path);
  const fullTitle = [title, title === siteTitle ? null : siteTitle].filter((part) => !!part).join(" | ");
  const depth = page.split("/").length - 1;
  return shareTagList(page, fullTitle, leadChart(page), depth)
    .map(([attribute, name, content]) => `<meta ${attribute}="${name}" content="${escapeHtml(content)}">`)
    .join("\n");
}

/** The pages that describe themselves to search engines as schema.org data: the sources page, as the data package. */
const STRUCTURED_DATA: Record<string, () => Record<string, unknown>> = {
  sources: () => datasetJsonLd(loadFactBase())
};

/** JSON-LD as a script the browser does not run; "<" escaped so that no text in it closes the script. */
export function structuredData(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
}

/** Everything the page's head carries beyond Framework's own: its preview tags, and its schema.org data if it has any. */
export function pageHead(page: {title: string | null; path: string}, siteTitle: string): string {
  const describe = STRUCTURED_DATA[pageName(page.path)];
  return [shareTags(page, siteTitle), describe ? structuredData(describe()) : ""].filter((part) => part).join("\n");
}
