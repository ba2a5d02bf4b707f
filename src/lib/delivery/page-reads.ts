/**
 * What each story page reads, found in the page itself: the figures its prose
 * names (`F.id`, `F["id"]`, `F[CONSTANT]`), the events, statements and findings
 * it names by id, the tables it counts from, and the charts it draws (a
 * `data-static-chart="id"` placeholder, or the function that lays out a table
 * drawn only on its page), each of which brings what its entry in the chart
 * registry reads. A kind of record the page takes from its data file but names
 * no row of is sent whole (the timeline takes every event). The loader
 * src/data/pages/[page].json.ts sends a page exactly this, so a reader downloads
 * what the page shows, never the whole fact base, and a page's author adds a
 * figure, an event or a chart by naming it on the page, with no list to update.
 *
 * The page is read as text, as Framework hands it to the loader's process; an id
 * in quotes that names nothing the page takes stops the build at its line and
 * column, as an error in data/ does.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Charts, Reads} from "./chart-reads.js";
import * as chartRecords from "./chart-records.js";
import {DataError} from "../factbase/errors.js";
import type {FactBase} from "../factbase/factbase.js";
import {inspectionRecord, storyFacts} from "../story/story.js";

export interface PageReads extends Reads {
  /** The charts and tables it draws, by their ids in the chart registry (src/components/charts/chart-registry.ts): each brings what it reads. */
  charts?: readonly string[];
}

const SRC = fileURLToPath(new URL("../../", import.meta.url));

/** Where a page's Markdown is: the name the build's errors give it, and its path on disk. */
export function pageFile(page: string, src = SRC): {file: string; path: string} {
  return {file: `src/${page}.md`, path: join(src, `${page}.md`)};
}

/** The page's Markdown, and the name the build's errors give it. */
export function pageSource(page: string, src = SRC): {file: string; text: string} {
  const {file, path} = pageFile(page, src);
  return {file, text: readFileSync(path, "utf8")};
}

/** The story pages: every page in src/ that loads its own data file (the SQL workbench loads whole tables instead). */
export function storyPages(src = SRC): string[] {
  return readdirSync(src)
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.replace(/\.md$/, ""))
    .filter((page) => pageSource(page, src).text.includes(`FileAttachment("data/pages/${page}.json")`))
    .sort();
}

/** The string constants of src/lib/delivery/chart-records.ts, by name: a page may name an id through one. */
const CONSTANTS = new Map(Object.entries(chartRecords as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

/** The record kinds a page can take from its data file, each with the ids it can name. */
const KINDS = ["events", "statements", "findings", "terms", "ratings", "claims"] as const;
type Kind = (typeof KINDS)[number];
const ONE: Record<Exclude<Kind, "claims">, string> = {events: "event", statements: "statement", findings: "finding", terms: "leadership term", ratings: "rating"};

/** Where a page places a chart for the build to draw. */
const CHART_PLACE = /data-static-chart="([^"]+)"/g;

/** The charts a page places, in the order it places them. */
export function chartsPlacedIn(text: string): string[] {
  return [...new Set([...text.matchAll(CHART_PLACE)].map((m) => m[1] ?? ""))];
}

/** The build's error for a name in the page, at its line and column. */
function pageError(file: string, text: string, index: number, problem: string): DataError {
  const before = text.slice(0, index).split("\n");
  return new DataError(file, before.length, (before.at(-1) ?? "").length + 1, problem);
}

/** The reads of one page, from its source, checked against the fact base and the chart registry. */
export function readsOfPage(facts: FactBase, charts: Charts, page: string, {file, text} = pageSource(page)): PageReads {
  const story = storyFacts(facts);
  const record = inspectionRecord(facts);
  const idsOf: Record<Exclude<Kind, "claims">, Set<string>> = {
    events: new Set(record.events.map((row) => row.event_id)),
    statements: new Set(story.statements.map((row) => row.statement_id)),
    findings: new Set(record.findings.map((row) => row.finding_id)),
    terms: new Set(record.terms.map((row) => row.term_id)),
    ratings: new Set(record.ratings.map((row) => row.rating_id))
  };
  const tables = new Set(facts.descriptor.resources.map((resource) => resource.name));

  const taken = /const \{([^}]*)\} = unpackSources\(await FileAttachment/.exec(text);
  if (!taken?.[1]) throw pageError(file, text, 0, "the page takes nothing from its data file: write const {figures: F, ...} = unpackSources(await FileAttachment(...).json())");
  const keys = new Set(taken[1].split(",").map((key) => (key.split(":")[0] ?? "").trim()));
  const kinds = KINDS.filter((kind) => keys.has(kind));

  // Figures: F.id, F["id"] or F[CONSTANT].
  const figures = new Set<string>();
  const nameFigure = (id: string, index: number) => {
    if (!(id in story.figures)) throw pageError(file, text, index, `the page names the figure '${id}', which the fact base does not have`);
    figures.add(id);
  };
  for (const m of text.matchAll(/\bF\.([A-Za-z_$][\w$]*)/g)) nameFigure(m[1] ?? "", m.index);
  for (const m of text.matchAll(/\bF\["([^"]+)"\]/g)) nameFigure(m[1] ?? "", m.index);
  for (const m of text.matchAll(/\bF\[([^\]"]+)\]/g)) {
    const value = CONSTANTS.get(m[1] ?? "");
    if (value === undefined) throw pageError(file, text, m.index, `name a figure as F.id, F["id"] or with a constant of src/lib/delivery/chart-records.ts, not ${m[0]}`);
    nameFigure(value, m.index);
  }

  // Records: every other quoted id, and the chart-records constants the page uses by name.
  const prose = text.replace(/\bF(\.[A-Za-z_$][\w$]*|\[[^\]]+\])/g, (whole) => " ".repeat(whole.length));
  const named: Record<Exclude<Kind, "claims">, Set<string>> = {events: new Set(), statements: new Set(), findings: new Set(), terms: new Set(), ratings: new Set()};
  const nameRecord = (id: string, index: number) => {
    const of = kinds.filter((kind): kind is Exclude<Kind, "claims"> => kind !== "claims" && idsOf[kind].has(id));
    if (!of.length) {
      if (tables.has(id)) return;
      const elsewhere = (Object.keys(idsOf) as Exclude<Kind, "claims">[]).filter((kind) => idsOf[kind].has(id));
      const rowKinds = kinds.filter((kind) => kind !== "claims").map((kind) => ONE[kind]);
      const why = elsewhere.length
        ? `names ${elsewhere.map((kind) => `a ${ONE[kind]}`).join(" and ")}, but the page does not take ${elsewhere.join(" or ")} from its data file`
        : `names no ${rowKinds.join(", ") || "record"} in the fact base, and no table`;
      throw pageError(file, text, index, `"${id}" ${why}`);
    }
    for (const kind of of) named[kind].add(id);
  };
  for (const m of prose.matchAll(/"([a-z0-9]+(?:_[a-z0-9]+)+)"/g)) nameRecord(m[1] ?? "", m.index);
  for (const [name, value] of CONSTANTS) for (const m of prose.matchAll(new RegExp(`\\b${name}\\b`, "g"))) nameRecord(value, m.index);

  // Charts: a placeholder the build draws into, or the function that lays out a table on the page.
  const drawn = new Set<string>();
  for (const m of text.matchAll(CHART_PLACE)) {
    const id = m[1] ?? "";
    if (!(id in charts.reads)) throw pageError(file, text, m.index, `the page draws the chart '${id}', which the chart registry does not have`);
    drawn.add(id);
  }
  for (const [name, id] of Object.entries(charts.drawnOnPageBy)) if (new RegExp(`\\b${name}\\(`).test(text)) drawn.add(id);

  const reads: {-readonly [K in keyof PageReads]: PageReads[K]} = {};
  if (drawn.size) reads.charts = [...drawn];
  if (figures.size) reads.figures = [...figures];
  for (const kind of kinds) {
    if (kind === "claims") reads.claims = "all";
    // A kind the page takes but names no row of, it takes whole.
    else Object.assign(reads, {[kind]: named[kind].size ? [...named[kind]] : "all"});
  }
  return reads;
}
