/**
 * The figures a reader can see, each with its provenance. Stated figures come
 * straight from a row of the fact base; shares are computed here from their
 * counts (never typed in), with a 95% Wilson interval, and inherit the weakest
 * status and every source of the counts they are made from.
 */
import type {FactBase} from "../factbase/factbase.js";
import {byRecord, citedSources, recordDisagreements, sourceIndex, type CitingTable} from "./citations.js";
import {fineGroups, isStatedTotal} from "./fines.js";
import type {Copy} from "../factbase/copies.js";
import type {SourceKind} from "../factbase/provenance.js";
import {uniqueSources} from "./source-list.js";
import {weakestStatus, type Status} from "./status.js";
export {weakestStatus, type Status} from "./status.js";
import {percentOf, wilsonInterval, type Interval} from "./stats.js";
import {datesInWords} from "./reader-text.js";
import {formatCount, formatDate, formatGBP, formatInterval, formatPercent, formatStated, lowerFirst, precisionOf} from "./format.js";


export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  url: string;
  /** As precisely as known, written for readers ("20 December 2015"); null when not stated. */
  published: string | null;
  /** What the source is; "query" is the SQL page's own query, the source of an analyst's chart. */
  kind: SourceKind | "query";
  /** For a page that reproduces another's words: whose words and what they are ("NHS England's release"). */
  copyOf: string | null;
  /** What the page copies and how (src/lib/factbase/copies.ts; how the copy was found is on the sources page); null for a page that is its own words. */
  copy: Omit<Copy, "evidence"> | null;
  /** What a record resting on it can be: its kind, or for a copy, what it copies. */
  standing: SourceKind | "query";
  /** The name a reader sees: the publisher, or "NHS England's release, as printed by Learning Disability Today". */
  credit: string;
}

/** Another source's different value for one field of a record, and why the record's value stands. */
export interface Disagreement {
  field: string;
  otherValue: string;
  source: SourceRef;
  quote: string;
  resolution: string;
}

export interface Figure {
  id: string;
  label: string;
  definition: string;
  value: number | null;
  unit: string;
  /** The figure as the page writes it: "10,306", "37.7%", "less than 1%". */
  display: string;
  numerator: number | null;
  denominator: number | null;
  /** What the denominator counts, for "of 722 unexpected deaths". */
  denominatorLabel: string | null;
  /** 95% Wilson interval of a computed share, as fractions of 1. */
  interval: Interval | null;
  status: Status;
  derived: boolean;
  /** The period the figure covers, written for readers ("April 2011 to March 2015"), when the data says. */
  period: string | null;
  /** The table and row it comes from, or the rows it is computed from. */
  rows: string[];
  sources: SourceRef[];
  /** The strongest source of each record the figure rests on: what a chart's source notes list. */
  leadSources: SourceRef[];
  quote: string | null;
  note: string | null;
  /** Where another source gives a different value: the page says that the sources differ. */
  disagreements: Disagreement[];
}

function displayValue(value: number | null, unit: string, qualifier: string | null = null): string {
  // A gap is what we did not find, not a claim that nobody published it.
  if (value === null) return "not known";
  const text =
    // Every stated figure is written as precisely as its source gave it: no rounding.
    unit === "percent" ? `${value}%` : unit === "GBP" ? formatGBP(value) : unit === "years" ? `${formatStated(value)} years` : formatStated(value);
  return qualifier ? `${qualifier} ${text}` : text;
}

export interface DerivedSpec {
  id: string;
  label: string;
  /** How the value was computed, for the figure's card. */
  definition: string;
  value: number;
  unit: string;
  display: string;
  /** The records it is computed from: each brings its status and sources. */
  inputs: {status: Status; sources: SourceRef[]; id: string; disagreements?: Disagreement[]}[];
}

/** An input's strongest source: every record cites one (src/lib/factbase/provenance.ts). */
function leadSource({id, sources: [lead]}: DerivedSpec["inputs"][number]): SourceRef {
  if (lead === undefined) throw new Error(`the record '${id}' cites no source`);
  return lead;
}

/**
 * A number computed from sourced records (a total of fines, the days between
 * two dated events): a figure like any other, as strong as its weakest input
 * and carrying all their sources, so that it too answers "says who?".
 */
export function derivedFigure({id, label, definition, value, unit, display, inputs}: DerivedSpec): Figure {
  return {
    id,
    label,
    definition,
    value,
    unit,
    display,
    numerator: null,
    denominator: null,
    denominatorLabel: null,
    interval: null,
    status: weakestStatus(inputs.map((i) => i.status)),
    derived: true,
    period: null,
    rows: inputs.map((i) => i.id),
    sources: uniqueSources(inputs.flatMap((i) => i.sources)),
    leadSources: uniqueSources(inputs.map(leadSource)),
    quote: null,
    note: null,
    disagreements: inputs.flatMap((i) => i.disagreements ?? [])
  };
}

interface ShareSpec {
  id: string;
  label: string;
  part: Figure;
  whole: Figure;
}

/** part ÷ whole as a percentage, with its interval and merged provenance. */
export function shareFigure({id, label, part, whole}: ShareSpec): Figure {
  const sources = uniqueSources([...part.sources, ...whole.sources]);
  const common = {
    id,
    label,
    unit: "percent",
    numerator: part.value,
    denominator: whole.value,
    denominatorLabel: whole.label,
    derived: true,
    period: part.period,
    rows: [...part.rows, ...whole.rows],
    sources,
    leadSources: uniqueSources([...part.leadSources, ...whole.leadSources]),
    quote: null,
    note: null,
    // A share inherits every disagreement about the counts it is made from.
    disagreements: [...part.disagreements, ...whole.disagreements]
  };
  if (part.value === null || whole.value === null) {
    // A share of a count not known is itself not known: a gap, never a number.
    const missing = part.value === null ? part : whole;
    return {...common, definition: `Not computed: ${lowerFirst(missing.label)} is not published.`, value: null, display: "not known", interval: null, status: "unconfirmed"};
  }
  const x = part.value;
  const n = whole.value;
  const interval = wilsonInterval(x, n);
  const value = percentOf(x, n);
  return {
    ...common,
    definition: `${formatCount(x)} ${lowerFirst(part.label)}, out of ${formatCount(n)} ${lowerFirst(whole.label)}. Computed from the two counts; 95% Wilson interval ${formatInterval(interval.lower, interval.upper)}.`,
    value,
    display: formatPercent(value),
    interval,
    status: weakestStatus([part.status, whole.status])
  };
}

/** A record's sources, strongest first, looked up by table and record id. */
type Cited = (table: CitingTable, id: string) => SourceRef[];

/** The tables figures are stated in, and the events some are computed from. */
const FIGURE_TABLES = ["mazars_figures", "comparators", "trust_facts", "cqc_findings", "events"] as const;

/** The sources of every record the figures rest on, joined once per table. */
function citedIn(facts: FactBase, sources: Map<string, SourceRef>): Cited {
  const byTable = new Map<CitingTable, Map<string, SourceRef[]>>(FIGURE_TABLES.map((table) => [table, byRecord<SourceRef[]>(citedSources(facts, table, sources), "sources")]));
  return (table, id) => {
    const cited = byTable.get(table)?.get(id);
    // Every record cites a source (src/lib/factbase/provenance.ts), so only a table or id the code names wrongly has none.
    if (cited === undefined) throw new Error(`no sources found for ${table}:${id}`);
    return cited;
  };
}

/** What a row states a figure with: its number and unit, how sure it is, and the words that state it. */
interface StatedRow {
  value: number | null;
  unit: string;
  qualifier?: string | null;
  status: Status;
  quote: string;
  note?: string | null;
}

/** A figure as a row states it, named by its label (the row's measure, or a finding's words). */
function stated(row: StatedRow, label: string, table: CitingTable, id: string, cited: Cited, fields: Partial<Figure>): Figure {
  const sources = cited(table, id);
  return {
    id,
    label,
    definition: label,
    value: row.value,
    unit: row.unit,
    display: displayValue(row.value, row.unit, row.qualifier ?? null),
    numerator: null,
    denominator: null,
    denominatorLabel: null,
    interval: null,
    status: row.status,
    derived: false,
    period: null,
    rows: [`${table}:${id}`],
    sources,
    leadSources: sources.slice(0, 1),
    quote: row.quote,
    note: row.note ?? null,
    disagreements: [],
    ...fields
  };
}

function mazarsFigures(facts: FactBase, cited: Cited): Figure[] {
  return facts.rows("mazars_figures").map((row) => {
    const base = row.base ? ` Share of ${row.base}.` : "";
    const type = row.investigation_type ? ` Investigation type: ${row.investigation_type}.` : "";
    const period = `${formatDate(row.period_start, "month")} to ${formatDate(row.period_end, "month")}`;
    return stated(row, row.measure, "mazars_figures", row.figure_id, cited, {
      definition: `${row.measure}.${base}${type} Mazars review, ${period} (${row.report_version} report).`,
      period,
      display: row.reported_as ?? displayValue(row.value, row.unit)
    });
  });
}

function comparatorFigures(facts: FactBase, cited: Cited): Figure[] {
  return facts.rows("comparators").map((row) => {
    // The sheet writes periods as "2010-06 to 2012-05" or "as at 2016-07-22"; readers get them in words.
    const period = row.period ? datesInWords(row.period.replace(/^(\d{4})-(\d{4})$/, "$1–$2")) : null;
    const scope = `${row.population}${period ? `, ${period}` : ""}.`;
    if (row.statistic !== "proportion") {
      return stated(row, row.measure, "comparators", row.comparator_id, cited, {definition: `${row.measure}. ${scope}`, period});
    }
    const {numerator: x, denominator: n} = row;
    // A proportion has both counts (src/lib/factbase/invariants.ts).
    if (x === null || n === null) throw new Error(`the proportion '${row.comparator_id}' lacks its numerator or denominator`);
    const interval = wilsonInterval(x, n);
    const value = percentOf(x, n);
    return stated(row, row.measure, "comparators", row.comparator_id, cited, {
      definition: `${row.measure}: ${formatCount(x)} of ${formatCount(n)}. ${scope} Share computed from the counts; 95% Wilson interval ${formatInterval(interval.lower, interval.upper)}.`,
      value,
      unit: "percent",
      display: formatPercent(value),
      numerator: x,
      denominator: n,
      interval,
      derived: true,
      period
    });
  });
}

function trustFactFigures(facts: FactBase, cited: Cited): Figure[] {
  return facts.rows("trust_facts").map((row) =>
    stated(row, row.measure, "trust_facts", row.fact_id, cited, {
      definition: `${row.measure}${row.as_of ? `, as of ${formatDate(row.as_of, precisionOf(row.as_of_precision))}` : ""}.`
    })
  );
}

function findingFigures(facts: FactBase, cited: Cited): Figure[] {
  return facts
    .rows("cqc_findings")
    .filter((row) => row.value !== null)
    .map(({unit, ...row}) => {
      if (unit === null) throw new Error(`the finding '${row.finding_id}' states a value with no unit`);
      // The finding is the card's label; its definition says which inspection and where, not the finding again.
      return stated({...row, unit}, row.finding, "cqc_findings", row.finding_id, cited, {definition: `${row.event}${row.location ? `, ${row.location}` : ""}.`});
    });
}

/** Every count with a denominator row gives a share of that whole; plus shares the story needs across steps. */
const EXTRA_SHARES: {id: string; part: string; whole: string; label: string}[] = [
  {id: "share_unexpected_of_all", part: "deaths_unexpected", whole: "deaths_total", label: "Share of all deaths categorised as unexpected"},
  {id: "share_siri_of_reported", part: "investigated_siri", whole: "deaths_reported_ulysses", label: "Share of reported deaths investigated as SIRI"}
];

/**
 * Numbers the story computes from sourced records rather than from counts:
 * the days from the leaked draft to the final report, and the total of the
 * fines and costs the courts imposed.
 */
function recordFigures(facts: FactBase, cited: Cited): Figure[] {
  const events = new Map(facts.rows("events").map((e) => [e.event_id, e]));
  const input = (table: CitingTable, id: string, status: Status) => ({id: `${table}:${id}`, status, sources: cited(table, id)});
  const figures: Figure[] = [];
  const leak = events.get("2015_12_09_mazars_draft_leaked");
  const report = events.get("2015_12_17_mazars_final_published");
  if (leak && report && leak.date_precision === "day" && report.date_precision === "day") {
    const days = Math.round((Date.parse(report.date) - Date.parse(leak.date)) / 864e5);
    figures.push(
      derivedFigure({
        id: "days_leak_to_report",
        label: "Days from the leak of the draft to the final report",
        definition: `Computed from the dates of two events: the leak reported on ${formatDate(leak.date, "day")} and the final report published on ${formatDate(report.date, "day")}.`,
        value: days,
        unit: "days",
        display: formatCount(days),
        inputs: [input("events", leak.event_id, leak.status), input("events", report.event_id, report.status)]
      })
    );
  }
  const parts = fineGroups(facts.rows("cqc_findings")).flatMap((group) => group.filter((row) => !isStatedTotal(row, group)));
  if (parts.length) {
    const total = parts.reduce((sum, row) => sum + row.value, 0);
    figures.push(
      derivedFigure({
        id: "fines_and_costs_total",
        label: "Fines and costs of the prosecutions, as reported",
        definition: `The sum of ${formatCount(parts.length)} amounts the courts imposed: ${parts.map((p) => `${lowerFirst(p.finding)} (${formatGBP(p.value)})`).join("; ")}.`,
        value: total,
        unit: "GBP",
        display: formatGBP(total),
        inputs: parts.map((row) => input("cqc_findings", row.finding_id, row.status))
      })
    );
  }
  return figures;
}

export function buildFigures(facts: FactBase): Map<string, Figure> {
  const sources = sourceIndex(facts);
  const cited = citedIn(facts, sources);
  const figures = new Map<string, Figure>();
  const figureOf = (id: string): Figure => {
    const found = figures.get(id);
    if (found === undefined) throw new Error(`no figure '${id}' to compute a share from`);
    return found;
  };
  const disputed = new Map(
    (["mazars_figures", "comparators", "trust_facts", "cqc_findings"] as const).flatMap((table) => [...byRecord<Disagreement[]>(recordDisagreements(facts, table, sources), "disagreements")])
  );
  for (const figure of [...mazarsFigures(facts, cited), ...comparatorFigures(facts, cited), ...trustFactFigures(facts, cited), ...findingFigures(facts, cited)]) {
    if (figures.has(figure.id)) throw new Error(`two figures share the id '${figure.id}'`);
    figures.set(figure.id, {...figure, disagreements: disputed.get(figure.id) ?? []});
  }
  for (const row of facts.rows("mazars_figures")) {
    // A superseded framing is explained, never turned into a rate.
    if (row.denominator_id === null || row.value === null || row.status === "superseded") continue;
    const part = figureOf(row.figure_id);
    const whole = figureOf(row.denominator_id);
    const id = `share_${row.figure_id}`;
    figures.set(id, shareFigure({id, label: `${part.label}, as a share of ${lowerFirst(whole.label)}`, part, whole}));
  }
  for (const {id, part, whole, label} of EXTRA_SHARES) {
    figures.set(id, shareFigure({id, label, part: figureOf(part), whole: figureOf(whole)}));
  }
  for (const figure of recordFigures(facts, cited)) figures.set(figure.id, figure);
  return figures;
}
