/**
 * The newsroom theme: the one file a newsroom edits to give pages, embeds and
 * chart images its fonts, colours and logo, as a Datawrapper theme does. The
 * default is the notebook's own look: the reader's system fonts, Okabe and
 * Ito's colour-blind-safe colours, no logo.
 *
 * - `font`: a family installed from npm with @fontsource (`npm install
 *   @fontsource/<name>`), copied into the export and served from it; never a
 *   font service. The chart images (PNG) are drawn in it too. `family` must be
 *   the name inside the font files (the package's README gives it). null keeps
 *   Framework's system font stack.
 * - `colours`: the marks' colours (chart text uses the page's text colour) and,
 *   when set, the accent of links and buttons.
 * - `serif`: the font of the pages' running text and headings (Framework's
 *   serif), installed and served the same way, in the styles listed. Pages
 *   load it; embeds and chart images are set in `font` alone.
 * - `logo`: a line of text (the newsroom's name), shown under embedded charts
 *   and in chart images.
 * - `credit`: the landing page's credit line, under its dateline.
 */
export interface NewsroomTheme {
  font: {family: string; package: string; weights: number[]} | null;
  serif: {family: string; package: string; weights: number[]; styles: ("normal" | "italic")[]} | null;
  colours: {
    focus: string;
    context: string;
    measures: string[];
    ratings: {outstanding: string; good: string; "requires improvement": string; inadequate: string};
    accent: string | null;
  };
  logo: {text: string} | null;
  credit: string;
}

export const THEME: NewsroomTheme = {
  font: null,
  // The serif Framework's stylesheet names for the running text, shipped so that it is the font readers see.
  serif: {family: "Source Serif 4", package: "@fontsource/source-serif-4", weights: [400, 600, 700], styles: ["normal", "italic"]},
  colours: {
    focus: "#D55E00",
    context: "#999999",
    measures: ["#0072B2", "#E69F00", "#009E73", "#CC79A7"],
    ratings: {outstanding: "#0072B2", good: "#56B4E9", "requires improvement": "#E69F00", inadequate: "#D55E00"},
    accent: null
  },
  logo: null,
  credit: "Reporting and graphics: the data desk. Figures from the Care Quality Commission, NHS England's Mazars review, Parliament, the courts and contemporary news reports."
};
