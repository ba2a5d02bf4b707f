/**
 * A light embed page per chart: the chart's frame as drawn at build (title,
 * subtitle, chart, notes, source line), the site's own stylesheet inlined, and
 * one small script (src/embed/child.js) for tooltips and the host's iframe
 * height. No Framework runtime, no Plot, no data file: a few kilobytes
 * compressed, and the chart is there with JavaScript off.
 */
import {readdir, readFile, writeFile, mkdir} from "node:fs/promises";
import {join} from "node:path";
import {EMBEDDABLE_CHARTS} from "../src/components/embeds.js";
import {projectRoot} from "./loader-cache.js";
import {variantCss, variantsHtml, type Variant} from "./static-html.js";
import {themeCss, themeLogoHtml} from "./theme-css.js";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Framework's built stylesheet for the pages (its themes and the notebook's rules). */
async function siteStylesheet(site: string): Promise<string> {
  const dir = join(site, "_import");
  const name = (await readdir(dir)).find((file) => /^style\.[0-9a-f]+\.css$/.test(file));
  if (!name) throw new Error(`${dir}: the site's stylesheet (style.<hash>.css) is missing`);
  return readFile(join(dir, name), "utf8");
}

/**
 * The stylesheet without the rules of Framework's page chrome (sidebar, table of contents, search,
 * header and footer, all under `#observablehq-…` ids), which an embed page does not have.
 */
export function withoutPageChrome(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf("{", i);
    if (open < 0) return out + css.slice(i);
    const prelude = css.slice(i, open);
    let depth = 1;
    let close = open + 1;
    for (; close < css.length && depth > 0; close++) depth += css[close] === "{" ? 1 : css[close] === "}" ? -1 : 0;
    const block = css.slice(open + 1, close - 1);
    if (/^\s*@(media|supports|layer|container)/.test(prelude)) out += `${prelude}{${withoutPageChrome(block)}}`;
    else if (!prelude.split(",").every((selector) => selector.includes("#observablehq-"))) out += `${prelude}{${block}}`;
    i = close;
  }
  return out;
}

// The embed shows the chart, not the page's tools: the image and embed buttons need the page's script.
const EMBED_CSS = `
html, body { margin: 0; padding: 0; background: var(--theme-background); color: var(--theme-foreground); font: 16px/1.5 var(--sans-serif); }
#embed { padding: 1px 0.5rem; container: static-chart / inline-size; }
#embed .chart-frame { margin: 0.5rem 0; }
#embed .chart-actions button, #embed .chart-embed-panel { display: none; }
.newsroom-logo { margin: 0.25rem 0 0.5rem; font: 600 0.8rem/1.3 var(--sans-serif); color: var(--text-muted); }
.newsroom-logo img { height: 1.5rem; vertical-align: middle; }`;

export function embedPage(options: {id: string; frameId: string; title: string; variants: Variant[]; css: string; script: string; logo: string}): string {
  const {id, frameId, title, variants, css, script, logo} = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${css}
${variantCss(variants)}
${EMBED_CSS}</style>
</head>
<body>
<main id="embed" data-chart="${id}"><div id="${frameId}">${variantsHtml(variants)}</div>${logo}</main>
<script>${script}</script>
</body>
</html>
`;
}

export async function writeEmbedPages(site: string, charts: ReadonlyMap<string, {id: string; embedVariants: Variant[]}>): Promise<void> {
  // Embeds sit one folder below the root, where the theme's fonts are.
  const css = withoutPageChrome(await siteStylesheet(site)) + "\n" + (await themeCss("../"));
  const script = await readFile(join(projectRoot, "src", "embed", "child.js"), "utf8");
  const logo = themeLogoHtml();
  await mkdir(join(site, "embed"), {recursive: true});
  for (const {id, name} of EMBEDDABLE_CHARTS) {
    const chart = charts.get(id);
    if (!chart) throw new Error(`embed ${id}: the chart was not drawn at build`);
    // The chart's own title, as its frame shows it; the registry's name if the frame has none.
    const heading = /<h[1-6][^>]*>([^<]+)<\/h[1-6]>/.exec(chart.embedVariants[0].html)?.[1];
    const title = heading ? heading.replace(/&amp;/g, "&") : name;
    const page = embedPage({id, frameId: chart.id, title, variants: chart.embedVariants, css, script, logo});
    // Source notes open the sources page, one level up, outside the host's iframe.
    // An embed is a page of its own: its chart's title is its one top-level heading.
    const titled = page.replace(/<h3 class="chart-title">([^<]*)<\/h3>/g, '<h1 class="chart-title">$1</h1>');
    const linked = titled.replaceAll('<a class="source-note-link" href="./sources#', '<a class="source-note-link" target="_blank" rel="noopener" href="../sources#');
    await writeFile(join(site, "embed", `${id}.html`), linked);
  }
}
