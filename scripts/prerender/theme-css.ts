/**
 * The newsroom theme (src/theme.ts) as CSS and files in the export: its font
 * copied from node_modules/@fontsource into `_theme/fonts/`, @font-face rules
 * pointing there, and the variables Framework's stylesheet reads. Empty for
 * the default theme, so the default export is the notebook's own look.
 */
import {copyFile, mkdir} from "node:fs/promises";
import {join} from "node:path";
import {escapeHtml} from "../../src/lib/story/format.js";
import {THEME} from "../../src/theme.js";
import {themeFontFiles} from "./theme-fonts.js";

const FONT_DIR = "_theme/fonts";

/** Copies the theme's font files into the export; fails when the package or a weight is not installed. */
export async function copyThemeFonts(site: string): Promise<void> {
  const files = [...(await themeFontFiles("woff2")), ...(await themeFontFiles("woff2", THEME.serif))];
  if (!files.length) return;
  await mkdir(join(site, FONT_DIR), {recursive: true});
  for (const {file, path} of files) await copyFile(path, join(site, FONT_DIR, file));
}

/**
 * The theme's CSS for a page `depth` folders below the export's root ("" or "../").
 * `serif`: for a story page, whose running text is set in the theme's serif (an embed's text is all sans).
 */
export async function themeCss(root: string, {serif = false} = {}): Promise<string> {
  const rules: string[] = [];
  if (serif && THEME.serif) {
    for (const {file, weight, style} of await themeFontFiles("woff2", THEME.serif)) {
      // "optional": preloaded (themeFontPreloads), the serif is there for the first paint; a face that is not never swaps in later and moves the text.
      rules.push(`@font-face { font-family: "${THEME.serif.family}"; font-style: ${style}; font-weight: ${weight}; font-display: optional; src: url("${root}${FONT_DIR}/${file}") format("woff2"); }`);
    }
  }
  if (THEME.font) {
    for (const {file, weight} of await themeFontFiles("woff2")) {
      rules.push(`@font-face { font-family: "${THEME.font.family}"; font-style: normal; font-weight: ${weight}; font-display: swap; src: url("${root}${FONT_DIR}/${file}") format("woff2"); }`);
    }
  }
  const variables: string[] = [];
  if (THEME.font) variables.push(`--sans-serif: "${THEME.font.family}", -apple-system, BlinkMacSystemFont, "avenir next", avenir, helvetica, "helvetica neue", ubuntu, roboto, noto, "segoe ui", arial, sans-serif;`);
  if (THEME.colours.accent) variables.push(`--theme-foreground-focus: ${THEME.colours.accent};`);
  if (variables.length) rules.push(`:root { ${variables.join(" ")} }`);
  // Plot names system-ui on each chart's <svg>; the theme's font reaches the axes and labels too, as it does in the images.
  if (THEME.font) rules.push(`body, .chart-body svg { font-family: var(--sans-serif); }`);
  return rules.join("\n");
}

/**
 * The serif's faces a story page preloads: the upright ones and the regular italic (the prose's
 * emphasis), so the running text is set in them from the first paint and does not shift when they
 * arrive (measured: a layout shift of 0.2 to 0.27 on every story page without the preload; 0.04 on
 * /ratings, whose emphasis is italic, with the upright faces alone; at most 0.006 with these).
 * A face still on its way at the first paint is not swapped in later (font-display: optional).
 */
export async function themeFontPreloads(root: string): Promise<string[]> {
  if (!THEME.serif) return [];
  return (await themeFontFiles("woff2", THEME.serif)).filter(({style, weight}) => style === "normal" || weight === 400).map(({file}) => `${root}${FONT_DIR}/${file}`);
}

export function themeLogoHtml(): string {
  if (!THEME.logo) return "";
  return `<p class="newsroom-logo">${escapeHtml(THEME.logo.text)}</p>`;
}
