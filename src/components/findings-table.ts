/**
 * Every finding of the regulators and the courts in one table that a reader
 * narrows by theme, location and year (Arquero does the filtering) after a
 * free-text search, with each row linked to its source. "All" in a filter
 * leaves that filter off, so clearing the filters brings every row back.
 */
import * as aq from "npm:arquero";
import * as InputsModule from "npm:@observablehq/inputs";
import {sourceLink} from "./fact.js";
import {dateSpan, formatCount, formatDate, formatGBP} from "./format.js";
import {ChartFrame} from "./frame.js";
import {STATUS_LABELS} from "./palette.js";
import {capitalise, flatRow, listOf, type FindingRow} from "./record.js";

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

export function filterFindings(rows: ExplorerRow[], {theme, location, year}: Filters): ExplorerRow[] {
  if (!rows.length) return [];
  return aq
    .from(rows)
    .params({theme, location, year, all: ALL})
    .filter((d: ExplorerRow, $: Filters & {all: string}) => ($.theme === $.all || d.theme === $.theme) && ($.location === $.all || d.location === $.location) && ($.year === $.all || d.year === $.year))
    .objects() as ExplorerRow[];
}

function text(value: string): Node {
  return document.createTextNode(value);
}

export function FindingsTable(rows: ExplorerRow[], {total, width}: {total: number; width: number}): HTMLElement {
  const count = document.createElement("p");
  count.className = "findings-count";
  count.setAttribute("role", "status");
  count.textContent = `Showing ${formatCount(rows.length)} of ${formatCount(total)} findings`;
  const table = Inputs.table(rows, {
    columns: ["date", "finding", "figure", "location", "theme", "body", "status", "source"],
    header: {date: "Date", finding: "Finding", figure: "Figure", location: "Location", theme: "Theme", body: "By", status: "Status", source: "Source"},
    format: {
      date: (_: Date, i: number) => text(rows[i].when),
      figure: (v: string | null) => text(v ?? ""),
      theme: (v: string) => text(capitalise(v)),
      status: (v: keyof typeof STATUS_LABELS) => text(STATUS_LABELS[v]),
      source: (s: FindingRow["source"]) => sourceLink(s)
    },
    width: width < 640 ? {date: 110, finding: 240, figure: 90, location: 160, theme: 110, body: 60, status: 90, source: 220} : {date: 110, figure: 90, theme: 100, body: 60, status: 80},
    layout: width < 640 ? "fixed" : "auto",
    rows: 16,
    select: false,
    sort: "date"
  });
  table.classList.add("findings-table");
  const body = document.createElement("div");
  body.append(count, table);
  const figures = rows.filter((r) => r.figure !== null).length;
  return ChartFrame(body, {
    id: "findings",
    title: "What the regulators and the courts found",
    subtitle: rows.length ? `Findings by ${listOf([...new Set(rows.map((r) => (r.body === "trust" ? "the trust" : r.body)))])}, ${rows[0].year} to ${rows[rows.length - 1].year}` : "No finding matches these filters",
    alt: `Table of ${formatCount(rows.length)} of ${formatCount(total)} findings${rows.length ? `, dated ${rows[0].when} to ${rows[rows.length - 1].when}` : ""}; ${formatCount(figures)} state a figure.`,
    sources: rows.map((r) => r.source),
    notes: ["Each finding is dated as its source dates it (publication, notice, plea or sentence) and no more precisely. Secondary-source findings are marked in the Status column."],
    data: rows.map(({date: _date, ...rest}) => flatRow(rest)),
    statuses: rows.map((r) => r.status)
  });
}
