import {openingBrackets, type MarkdownParser} from "./scripts/config/opening-brackets.js";
import {pageHead} from "./scripts/config/page-head.js";
import {statusLegend} from "./src/lib/story/status.js";
// Build output goes where the atomic build script asks (a temporary folder that
// replaces dist/ only on success); plain `observable build` still writes dist/.
const output = process.env.OBSERVABLE_OUTPUT ?? "dist";
const title = "Southern Health: the deaths and the inspections";

export default {
  root: "src",
  output,
  title,
  pages: [
    {name: "The crisis of 2016", path: "/crisis-2016"},
    {
      name: "The deaths",
      pages: [
        {name: "What the review found", path: "/deaths"},
        {name: "Learning disability", path: "/learning-disability"}
      ]
    },
    {
      name: "The regulators",
      pages: [
        {name: "Ratings", path: "/ratings"},
        {name: "The warnings", path: "/warnings"},
        {name: "Findings explorer", path: "/findings"},
        {name: "Timeline", path: "/timeline"}
      ]
    },
    {name: "For analysts", pages: [{name: "SQL workbench", path: "/explore"}]},
    {name: "Sources", path: "/sources"},
  ],
  // The embed pages (embed/<id>.html) are written by the build from the charts drawn at build
  // (scripts/prerender/static-charts.ts); src/embed/[chart].md serves them in the preview server only.
  search: true,
  // No favicon request: browsers would otherwise ask for /favicon.ico, which the export does not have.
  // Then what a link preview shows, and a page's schema.org description (scripts/config/page-head.ts).
  head: (page: {title: string | null; path: string}) => `<link rel="icon" href="data:,">\n${pageHead(page, title)}`,
  // The default stylesheet links Google Fonts; readers' browsers must not call a third party.
  globalStylesheets: [],
  // Framework's air and near-midnight themes follow the reader's light or dark setting.
  style: "style.css",
  // A footer without Framework's build date, so that two builds of one commit are identical.
  footer: `Every figure is computed from cited public sources; tap, click or focus a figure to see its source and status. Marks: ${statusLegend()}, <span class="status-mark differ-mark">≠</span> sources differ (the figure opens both accounts); unmarked figures are final. Code: MIT. Data: CC BY 4.0.`,
  // An opening bracket stays on the line of the figure it opens (scripts/config/opening-brackets.ts).
  markdownIt(md: MarkdownParser) {
    openingBrackets(md);
    return md;
  },
  // Framework would otherwise fetch the json and parquet extensions from extensions.duckdb.org.
  duckdb: {extensions: {json: null, parquet: null}}
};
