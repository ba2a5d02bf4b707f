/**
 * What a link preview shows: each page's description, and Open Graph and
 * Twitter card tags with its title, description and an image of its lead
 * chart drawn at build (charts/<id>.png). Addresses are relative to the page,
 * so the export works at any host and sub-path; an editor who knows where the
 * site will live sets SHFT_SITE_URL, and the image becomes absolute, as some
 * preview crawlers require.
 */
import type {Step} from "./step.js";

/** One sentence per page, for search results and previews; the pages' own figures stay on the pages. */
export const PAGE_DESCRIPTIONS: Record<string, string> = {
  "index.html": "How Southern Health NHS Foundation Trust investigated the deaths of its patients, what the regulators found, and the crisis that followed in 2016, with every figure traced to its source.",
  "crisis-2016.html": "The months from the leaked Mazars review to the chief executive's exit: the resignation of the chair, the CQC's warning notice and report, and the words of the people involved.",
  "deaths.html": "What the Mazars review found: how many deaths of Southern Health's patients were reported, categorised as unexpected and investigated, service by service.",
  "learning-disability.html": "Deaths of people with a learning disability in Southern Health's care: how few were investigated, against other hospitals and trusts, and the age at which they died.",
  "ratings.html": "The Care Quality Commission's ratings of Southern Health, inspection by inspection, as the regulator published them.",
  "warnings.html": "Ligature risks the regulator raised again and again, the warning notice of 2016, and the prosecutions and fines that followed.",
  "findings.html": "Every inspection finding, enforcement action and court finding about Southern Health in the record, searchable, each with its source.",
  "timeline.html": "Every dated event in the record, from the trust's formation to its latest ratings, focusable on the crisis of 2016.",
  "sources.html": "Every source the notebook cites, what kind of source it is, and every figure, event and statement that rests on it.",
  "explore.html": "Query every table behind the notebook with SQL in your browser, bring your own files, and download what you find."
};

/** The chart a page with none of its own shows in a preview: the review's funnel, the story's core. */
export const DEFAULT_SHARE_CHART = "funnel";

/** The tags, as [attribute, name, content]: `name` for the page's description and Twitter's cards, `property` for Open Graph. */
export function shareTagList(page: string, title: string, leadChart: string | null, depth: number, siteUrl = process.env.SHFT_SITE_URL): [string, string, string][] {
  const description = PAGE_DESCRIPTIONS[page];
  if (!description) throw new Error(`no description for link previews; add one to PAGE_DESCRIPTIONS in scripts/steps/share-tags.ts`);
  const site = siteUrl?.replace(/\/?$/, "/");
  const image = `${site ?? "../".repeat(depth)}charts/${leadChart ?? DEFAULT_SHARE_CHART}.png`;
  const url = site ? `${site}${page === "index.html" ? "" : page.replace(/\.html$/, "")}` : null;
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

export const shareTags: Step = {
  name: "share tags",
  purpose: "adds the page's description and the Open Graph and Twitter card tags, with an image of its lead chart",
  scope: "pages Framework wrote",
  appliesTo: (page) => page.kind !== "embed",
  transform(document, page, build) {
    const title = document.querySelector("head > title")?.textContent;
    if (!title) throw new Error("no <title> to share");
    // The page's first chart that has an image (a table has none).
    const charts = [...document.querySelectorAll(".static-chart[data-chart]")].flatMap((node) => node.getAttribute("data-chart") ?? []);
    const lead = charts.find((id) => build.charts.get(id)?.image !== false) ?? null;
    const tags = shareTagList(page.file, title, lead, page.depth);
    for (const [attribute, name, content] of tags) {
      const meta = document.createElement("meta");
      meta.setAttribute(attribute, name);
      meta.setAttribute("content", content);
      document.head.append(meta, "\n");
    }
    return tags.length;
  },
  check: (document) => (document.querySelector('head > meta[property="og:image"]') ? null : "no preview image tag in the head")
};
