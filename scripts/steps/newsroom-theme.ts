/**
 * The newsroom theme (src/theme.ts) in every page Framework wrote: its fonts'
 * @font-face rules and the variables Framework's stylesheet reads
 * (scripts/prerender/theme-css.ts). The default theme adds nothing, and the step then
 * applies to no page.
 */
import type {Step} from "./step.js";

export const newsroomTheme: Step = {
  name: "newsroom theme",
  purpose: "writes the newsroom theme's fonts and colours into the page (nothing for the default theme)",
  scope: "pages Framework wrote, when a theme is set",
  appliesTo: (page, build) => page.kind !== "embed" && build.themed,
  async transform(document, page, build) {
    const css = await build.themeCss(page.depth);
    if (!css) return 0;
    const style = document.createElement("style");
    style.setAttribute("data-newsroom-theme", "");
    style.textContent = `\n${css}\n`;
    // Before the stylesheets, so the fonts are asked for first.
    const first = document.head.querySelector('link[rel="stylesheet"]');
    for (const href of await build.themePreloads(page.depth)) {
      const link = document.createElement("link");
      for (const [name, value] of Object.entries({rel: "preload", as: "font", type: "font/woff2", crossorigin: "", href})) link.setAttribute(name, value);
      document.head.insertBefore(link, first);
      document.head.insertBefore(document.createTextNode("\n"), first);
    }
    document.head.append(style, "\n");
    return 1;
  },
  check: (document, _page, changes) => (changes === 1 && document.querySelector("style[data-newsroom-theme]") ? null : "the theme set no CSS")
};
