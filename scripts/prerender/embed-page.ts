/**
 * A light embed page per chart: the chart's frame as drawn at build (title,
 * subtitle, chart, notes, source line), the rules of the site's stylesheet
 * that the page uses, inlined, and one small script (src/embed/child.js) for
 * tooltips and the host's iframe height. No Framework runtime, no Plot, no
 * data file: a few kilobytes compressed, and the chart is there with
 * JavaScript off.
 *
 * Editors are promised that an embed transfers at most 40 KB gzip-compressed
 * in all (docs/performance.md; test/build/embed-weight.test.ts). So the frame
 * is written once, with only the drawing repeated per width, and the
 * stylesheet is cut to the rules that can apply to the page.
 */
import {readdir, readFile, writeFile, mkdir} from "node:fs/promises";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {EMBEDDABLE_CHARTS} from "../../src/components/charts/chart-registry.js";
import {projectRoot} from "../export/loader-cache.js";
import {frameOnce} from "./frame-once.js";
import {variantCss, type Variant} from "./static-html.js";
import {themeCss, themeLogoHtml} from "./theme-css.js";
import {escapeHtml} from "../../src/lib/story/format.js";


/** Framework's built stylesheet for the pages (its themes and the notebook's rules). */
async function siteStylesheet(site: string): Promise<string> {
  const dir = join(site, "_import");
  const name = (await readdir(dir)).find((file) => /^style\.[0-9a-f]+\.css$/.test(file));
  if (!name) throw new Error(`${dir}: the site's stylesheet (style.<hash>.css) is missing`);
  return readFile(join(dir, name), "utf8");
}

/** The index of the character closing the bracket, parenthesis or quote opened at `start`, skipping nested ones and quoted text. */
function closing(text: string, start: number): number {
  const open = text.charAt(start);
  if (open === '"' || open === "'") {
    let i = start + 1;
    while (i < text.length && text.charAt(i) !== open) i += text.charAt(i) === "\\" ? 2 : 1;
    return i;
  }
  const close = open === "[" ? "]" : open === "(" ? ")" : "}";
  let i = start + 1;
  while (i < text.length && text.charAt(i) !== close) {
    if (text.charAt(i) === "\\") i += 2;
    else if (text.charAt(i) === "/" && text.charAt(i + 1) === "*") i = text.indexOf("*/", i + 2) < 0 ? text.length : text.indexOf("*/", i + 2) + 2;
    else if ("\"'[({".includes(text.charAt(i))) i = closing(text, i) + 1;
    else i += 1;
  }
  return i;
}

/** The selectors of a list, split at its top-level commas. */
function selectorList(prelude: string): string[] {
  const selectors: string[] = [];
  let last = 0;
  for (let i = 0; i < prelude.length; i++) {
    if (prelude.charAt(i) === "\\") i += 1;
    else if ("\"'[(".includes(prelude.charAt(i))) i = closing(prelude, i);
    else if (prelude.charAt(i) === ",") {
      selectors.push(prelude.slice(last, i));
      last = i + 1;
    }
  }
  return [...selectors, prelude.slice(last)].map((s) => s.trim()).filter(Boolean);
}

/**
 * A selector reduced to the elements and their nesting: pseudo-classes and pseudo-elements
 * (`:hover`, `:not(…)`, `::before`) and attribute conditions (`[open]`, `[hidden]`) are dropped,
 * since a reader's pointer, focus or click can change them. What is left matches at least every
 * element the whole selector could ever match, on a page whose script adds and moves no elements
 * (an embed's only fills and shows its tooltip).
 */
export function structuralSelector(selector: string): string {
  const compounds: {combinator: string; text: string}[] = [];
  let text = "";
  let started = false;
  let combinator = "";
  const end = () => {
    if (!started) return;
    compounds.push({combinator, text: text || "*"});
    [text, started, combinator] = ["", false, ""];
  };
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charAt(i);
    if (/\s/.test(c)) {
      end();
      if (compounds.length && !combinator) combinator = " ";
    } else if (c === ">" || c === "+" || c === "~") {
      end();
      combinator = c;
    } else {
      started = true;
      if (c === "\\") text += c + selector.charAt(++i);
      else if (c === "[") i = closing(selector, i);
      else if (c === ":") {
        i += selector.charAt(i + 1) === ":" ? 2 : 1;
        while (i < selector.length && /[\w-]/.test(selector.charAt(i))) i++;
        if (selector.charAt(i) === "(") i = closing(selector, i);
        else i--;
      } else text += c;
    }
  }
  end();
  return compounds.map(({combinator, text}, i) => (i === 0 ? "" : combinator === " " || !combinator ? " " : ` ${combinator} `) + text).join("");
}

const GROUPING = /^@(media|supports|layer|container|document)\b/;

/**
 * The stylesheet without the rules that can apply to nothing in `root`: rules for the site's page
 * chrome, its tables, SQL page and story components, none of which an embed page has. A rule stays
 * when any of its selectors, reduced to elements and nesting (see structuralSelector), matches an
 * element; grouping rules (@media, @supports, @container) keep the rules in them that stay;
 * @font-face and other at-rules stay, as fonts download only when text uses them; @keyframes stay
 * when a rule that stays names them.
 */
export function usedCss(css: string, root: ParentNode): string {
  const applies = (prelude: string) =>
    selectorList(prelude).some((selector) => {
      try {
        return root.querySelector(structuralSelector(selector)) !== null;
      } catch {
        return true; // a selector the DOM cannot read is kept, not judged
      }
    });
  const keyframes = new Map<string, string>();
  const walk = (text: string): string => {
    let out = "";
    let i = 0;
    while (i < text.length) {
      let open = i;
      while (open < text.length && text.charAt(open) !== "{" && text.charAt(open) !== ";") {
        if (text.charAt(open) === "/" && text.charAt(open + 1) === "*") open = text.indexOf("*/", open + 2) < 0 ? text.length : text.indexOf("*/", open + 2) + 2;
        else if ("\"'([".includes(text.charAt(open))) open = closing(text, open) + 1;
        else open += 1;
      }
      const prelude = text.slice(i, open).replace(/\/\*[\s\S]*?\*\//g, "").trim();
      if (open >= text.length) return out + (prelude ? text.slice(i) : "");
      if (text.charAt(open) === ";") {
        // A statement (@import, @charset, @layer a, b;), kept as it is.
        if (prelude) out += `${prelude};`;
        i = open + 1;
        continue;
      }
      const close = closing(text, open);
      const block = text.slice(open + 1, close);
      i = close + 1;
      if (GROUPING.test(prelude)) {
        const inner = walk(block);
        if (inner.trim()) out += `${prelude}{${inner}}`;
      } else if (/^@(-\w+-)?keyframes\s/.test(prelude)) {
        // The rule's name follows the at-keyword, as the test above matched it.
        const [, name = ""] = prelude.split(/\s+/);
        keyframes.set(name, (keyframes.get(name) ?? "") + `${prelude}{${block}}`);
      } else if (prelude.startsWith("@") || applies(prelude)) {
        out += `${prelude}{${block}}`;
      }
    }
    return out;
  };
  const out = walk(css);
  const named = [...keyframes].filter(([name]) => new RegExp(`(^|[^\\w-])${name.replace(/[^\w-]/g, "\\$&")}([^\\w-]|$)`).test(out));
  return out + named.map(([, rules]) => rules).join("");
}

const DARK_QUERY = /^@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)$/;

/**
 * The stylesheet split into its light rules and its dark ones (the contents of every top-level
 * `@media (prefers-color-scheme: dark)` block). An embed is light in any host, whatever the
 * reader's device prefers: a dark chart in a white article is what editors do not want. The dark
 * rules go in a stylesheet of their own that is off until the host asks for it (`?theme=dark`, or
 * `?theme=auto` to follow the device, as Datawrapper's opt-in auto-dark does; src/embed/child.js).
 */
export function splitDarkRules(css: string): {light: string; dark: string} {
  let light = "";
  let dark = "";
  let i = 0;
  while (i < css.length) {
    let open = i;
    while (open < css.length && css.charAt(open) !== "{" && css.charAt(open) !== ";") {
      if (css.charAt(open) === "/" && css.charAt(open + 1) === "*") open = css.indexOf("*/", open + 2) < 0 ? css.length : css.indexOf("*/", open + 2) + 2;
      else if ("\"'([".includes(css.charAt(open))) open = closing(css, open) + 1;
      else open += 1;
    }
    if (open >= css.length || css.charAt(open) === ";") {
      light += css.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const close = closing(css, open);
    const prelude = css.slice(i, open).replace(/\/\*[\s\S]*?\*\//g, "").trim();
    if (DARK_QUERY.test(prelude)) dark += css.slice(open + 1, close);
    else light += css.slice(i, close + 1);
    i = close + 1;
  }
  return {light, dark};
}

/**
 * The stylesheet without the story pages' serif: Framework's `--serif` (which names Source Serif 4)
 * and every declaration that reads it. An embed is set in the sans alone (EMBED_CSS; a chart's
 * title is sans on the story pages too), and the serif's files, which would cost an embed more
 * than the rest of it, are not loaded there: so it does not name a font it does not show.
 */
export function withoutSerif(css: string): string {
  return css.replace(/(?<=[{;]\s*)(?:--serif\s*:|[\w-]+\s*:[^;{}]*var\(--serif\s*[,)])[^;{}]*;?/g, "");
}

/** What the frame offers on a story page that needs the page's script: the image buttons and the embed code. */
export const PAGE_ONLY = ".chart-embed-panel, .chart-actions button, .chart-embed";

const EMBED_CSS = `
html, body { margin: 0; padding: 0; background: var(--theme-background); color: var(--theme-foreground); font: 16px/1.5 var(--sans-serif); }
#embed { padding: 1px 0.5rem; container: static-chart / inline-size; }
#embed .chart-frame { margin: 0.5rem 0; }
.newsroom-logo { margin: 0.25rem 0 0.5rem; font: 600 0.8rem/1.3 var(--sans-serif); color: var(--text-muted); }
.newsroom-logo img { height: 1.5rem; vertical-align: middle; }`;

export function embedPage(options: {id: string; frameId: string; title: string; frame: string; css: string; script: string; logo: string}): string {
  const {id, frameId, title, frame, css, script, logo} = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
<style id="embed-dark" media="not all"></style>
</head>
<body>
<main id="embed" data-chart="${id}"><div id="${frameId}">${frame}</div>${logo}</main>
<script>${script}</script>
</body>
</html>
`;
}

export async function writeEmbedPages(site: string, charts: ReadonlyMap<string, {id: string; embedVariants: Variant[]}>): Promise<void> {
  // Embeds sit one folder below the root, where the theme's fonts are.
  const css = withoutSerif(await siteStylesheet(site)) + "\n" + (await themeCss("../"));
  const script = await readFile(join(projectRoot, "src", "embed", "child.js"), "utf8");
  const logo = themeLogoHtml();
  const {document} = new JSDOM("<!DOCTYPE html>").window;
  await mkdir(join(site, "embed"), {recursive: true});
  for (const {id, title: name} of EMBEDDABLE_CHARTS) {
    const chart = charts.get(id);
    if (!chart) throw new Error(`embed ${id}: the chart was not drawn at build`);
    // The chart's own title, as its frame shows it; the registry's name if the frame has none.
    const heading = /<h[1-6][^>]*>([^<]+)<\/h[1-6]>/.exec(chart.embedVariants[0]?.html ?? "")?.[1];
    const title = heading ? heading.replace(/&amp;/g, "&") : name;
    const page = embedPage({id, frameId: chart.id, title, frame: frameOnce(chart.embedVariants, document, PAGE_ONLY), css: "", script, logo});
    // Source notes open the sources page, one level up, outside the host's iframe.
    // An embed is a page of its own: its chart's title is its one top-level heading.
    const titled = page.replace(/<h3 class="chart-title">([^<]*)<\/h3>/g, '<h1 class="chart-title">$1</h1>');
    const linked = titled.replaceAll('<a class="source-note-link" href="./sources#', '<a class="source-note-link" target="_blank" rel="noopener" href="../sources#');
    const used = usedCss(`${css}\n${variantCss(chart.embedVariants)}\n${EMBED_CSS}`, new JSDOM(linked).window.document);
    const {light, dark} = splitDarkRules(used);
    const styled = linked
      .replace("<style></style>", () => `<style>${light}</style>`)
      .replace('<style id="embed-dark" media="not all"></style>', () => `<style id="embed-dark" media="not all">${dark}</style>`);
    await writeFile(join(site, "embed", `${id}.html`), styled);
  }
}
