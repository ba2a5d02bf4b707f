/**
 * Every finding of the regulators and the courts in one table that a reader
 * narrows by theme, location and year (Arquero does the filtering) after a
 * free-text search, with each row linked to its source. "All" in a filter
 * leaves that filter off, so clearing the filters brings every row back.
 */
import * as InputsModule from "npm:@observablehq/inputs";
import {disclosure, sourcesDiffer, statusBadge} from "../prose/fact.js";
import {capitalise, dateSpan, formatCount, formatDate, formatGBP} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {compactSourceLink, firstAndLast, flatRow, listOf, type FindingRow} from "./record.js";
import {element} from "../dom.js";

// The package ships no type declarations; its table is all this module uses.
const Inputs = InputsModule as unknown as {table(data: unknown[], options: Record<string, unknown>): HTMLElement};

export const ALL = "All";

export type ExplorerRow = FindingRow & {
  /** The finding's date (of publication, notice, plea or sentence), for sorting. */
  date: Date;
  /** That date as precisely as the source gives it. */
  when: string;
  year: string;
  /** The stated figure, written as the story writes it, or null when the finding has none. */
  figure: string | null;
};

export type Filters = {theme: string; location: string; year: string};

/** The columns the free-text search looks in. */
export const SEARCH_COLUMNS = ["finding", "location", "event", "theme", "body", "quote"];

function figureText(f: FindingRow): string | null {
  if (f.value === null) return null;
  const value = f.unit === "GBP" ? formatGBP(f.value) : f.unit === "percent" ? `${f.value}%` : `${formatCount(f.value)} ${f.unit ?? ""}`.trim();
  return f.qualifier ? `${f.qualifier} ${value}` : value;
}

export function explorerRows(findings: FindingRow[]): ExplorerRow[] {
  return findings
    .map((f) => ({
      ...f,
      date: dateSpan(f.dated, f.dated_precision)[0],
      when: formatDate(f.dated, f.dated_precision),
      year: f.dated.slice(0, 4),
      figure: figureText(f)
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** The choices of each filter, "All" first. */
export function filterOptions(rows: ExplorerRow[]): {themes: string[]; locations: string[]; years: string[]} {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b));
  return {
    themes: [ALL, ...distinct(rows.map((r) => r.theme))],
    locations: [ALL, ...distinct(rows.map((r) => r.location))],
    years: [ALL, ...distinct(rows.map((r) => r.year))]
  };
}

/** A few dozen rows filter in plain JavaScript: a reader's page downloads no table library for it. */
export function filterFindings(rows: ExplorerRow[], {theme, location, year}: Filters): ExplorerRow[] {
  return rows.filter((d) => (theme === ALL || d.theme === theme) && (location === ALL || d.location === location) && (year === ALL || d.year === year));
}

/** A finding from a source that is not final says so where it is read, and so does one that sources dispute. */
function withStatus(finding: string, row: FindingRow): Node {
  const badge = statusBadge(row.status);
  if (!badge && !row.disagreements?.length) return text(finding);
  const cell = element("span");
  cell.append(finding);
  if (badge) cell.append(" ", badge);
  if (row.disagreements?.length) cell.append(" ", disclosure("Sources differ", sourcesDiffer(row.disagreements)));
  return cell;
}

function text(value: string): Node {
  return document.createTextNode(value);
}

/**
 * A title that states what the table shows: the theme the findings shown return to most, as the
 * table's Theme column names it ("“Ligature” is the commonest theme: 9 of the 43 findings"); the
 * count alone when two themes tie or the filters leave one.
 */
export function findingsTitle(rows: ExplorerRow[]): string {
  const byTheme = new Map<string, number>();
  for (const row of rows) byTheme.set(row.theme, (byTheme.get(row.theme) ?? 0) + 1);
  const [top, next] = [...byTheme].sort((a, b) => b[1] - a[1]);
  const findings = `${formatCount(rows.length)} finding${rows.length === 1 ? "" : "s"}`;
  if (!top) return "No finding matches these filters";
  if (!next) return `${findings} on “${capitalise(top[0])}”`;
  if (next[1] === top[1]) return `${findings} by regulators and courts`;
  return `“${capitalise(top[0])}” is the commonest theme: ${formatCount(top[1])} of the ${findings}`;
}

export function FindingsTable(rows: ExplorerRow[], {total, width}: {total: number; width: number}): HTMLElement {
  const count = element("p", "findings-count");
  count.setAttribute("role", "status");
  count.textContent = `Showing ${formatCount(rows.length)} of ${formatCount(total)} findings`;
  // A phone gets the columns a reader needs to find a finding and its source; the table scrolls sideways.
  const narrow = width < 640;
  const columns = narrow ? ["date", "finding", "location", "source"] : ["date", "finding", "figure", "location", "theme", "source"];
  // Inputs.table formats a cell with its row's index in the rows it was given.
  const rowAt = (i: number): ExplorerRow => {
    const row = rows[i];
    if (row === undefined) throw new Error(`the findings table has no row ${i}`);
    return row;
  };
  const table = Inputs.table(rows, {
    columns,
    header: {date: "Date", finding: "Finding", figure: "Figure", location: "Location", theme: "Theme", source: "Source"},
    format: {
      date: (_: Date, i: number) => text(rowAt(i).when),
      finding: (v: string, i: number) => withStatus(v, rowAt(i)),
      figure: (v: string | null) => text(v ?? ""),
      theme: (v: string) => text(capitalise(v)),
      source: compactSourceLink
    },
    width: narrow ? {date: 95, finding: 200, location: 130, source: 120} : {date: 105, figure: 85, location: 140, theme: 90, source: 115},
    layout: "fixed",
    rows: 20,
    select: false,
    sort: "date"
  });
  table.classList.add("findings-table");
  // Inputs.table makes the <table>; a caption names it for screen readers and reads as its heading.
  const grid = table.querySelector("table");
  if (grid) grid.createCaption().textContent = "The findings shown, each with its source";
  const body = element("div");
  body.append(count, table);
  const figures = rows.filter((r) => r.figure !== null).length;
  // The filters can leave no finding to show.
  const ends = rows.length ? firstAndLast(rows, "the findings table") : null;
  return ChartFrame(body, {
    id: "findings",
    title: findingsTitle(rows),
    subtitle: ends ? `Findings by ${listOf([...new Set(rows.map((r) => (r.body === "trust" ? "the trust" : r.body)))])}, ${ends[0].year} to ${ends[1].year}` : "No finding matches these filters",
    alt: `Table of ${formatCount(rows.length)} of ${formatCount(total)} findings${ends ? `, dated ${ends[0].when} to ${ends[1].when}` : ""}; ${formatCount(figures)} state a figure.`,
    sources: rows.map((r) => r.source),
    notes: ["Each finding is dated as its source dates it (publication, notice, plea or sentence) and no more precisely. Findings from secondary sources are marked as such."],
    data: rows.map(({date: _date, ...rest}) => flatRow(rest)),
    statuses: rows.map((r) => r.status)
  });
}
