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
 * - `logo`: a line of text (the newsroom's name), shown under embedded charts
 *   and in chart images.
 */
export interface NewsroomTheme {
  font: {family: string; package: string; weights: number[]} | null;
  colours: {
    focus: string;
    context: string;
    measures: string[];
    ratings: {outstanding: string; good: string; "requires improvement": string; inadequate: string};
    accent: string | null;
  };
  logo: {text: string} | null;
}

export const THEME: NewsroomTheme = {
  font: null,
  colours: {
    focus: "#D55E00",
    context: "#999999",
    measures: ["#0072B2", "#E69F00", "#009E73", "#CC79A7"],
    ratings: {outstanding: "#0072B2", good: "#56B4E9", "requires improvement": "#E69F00", inadequate: "#D55E00"},
    accent: null
  },
  logo: null
};
