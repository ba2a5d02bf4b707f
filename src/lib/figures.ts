/**
 * The figures a reader can see, each with its provenance. Stated figures come
 * straight from a row of the fact base; shares are computed here from their
 * counts (never typed in), with a 95% Wilson interval, and inherit the weakest
 * status and every source of the counts they are made from.
 */
import type {Row} from "./datapackage.js";
import type {FactBase} from "./factbase.js";
import {weakestStatus, type Status} from "./status.js";
export {weakestStatus, type Status} from "./status.js";
import {percentOf, wilsonInterval, type Interval} from "./stats.js";
import {formatCount, formatDate, formatGBP, formatInterval, formatPercent, lowerFirst, type Precision} from "./format.js";


export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  url: string;
  /** As precisely as known, written for readers ("20 December 2015"); null when not stated. */
  published: string | null;
  kind: string;
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
  quote: string | null;
  note: string | null;
}

export function sourceIndex(facts: FactBase): Map<string, SourceRef> {
  return new Map(
    facts.rows("sources").map((row) => [
      row.source_id as string,
      {
        id: row.source_id as string,
        publisher: row.publisher as string,
        title: row.title as string,
        url: row.url as string,
        published: row.published === null ? null : formatDate(row.published as string, row.published_precision as Precision),
        kind: row.kind as string
      }
    ])
  );
}

function displayValue(value: number | null, unit: string, qualifier: string | null = null): string {
  if (value === null) return "not published";
  const text =
    // A stated share is written as precisely as its source gave it.
    unit === "percent" ? `${value}%` : unit === "GBP" ? formatGBP(value) : unit === "years" ? `${formatCount(value)} years` : formatCount(value);
  return qualifier ? `${qualifier} ${text}` : text;
}

interface ShareSpec {
  id: string;
  label: string;
  part: Figure;
  whole: Figure;
}

/** part ÷ whole as a percentage, with its interval and merged provenance. */
export function shareFigure({id, label, part, whole}: ShareSpec): Figure {
  const sources = [...new Map([...part.sources, ...whole.sources].map((s) => [s.id, s])).values()];
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
    quote: null,
    note: null
  };
  if (part.value === null || whole.value === null) {
    // A share of an unpublished count is itself unpublished: a gap, never a number.
    const missing = part.value === null ? part : whole;
    return {...common, definition: `Not computed: ${lowerFirst(missing.label)} is not published.`, value: null, display: "not published", interval: null, status: "unconfirmed"};
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

function stated(row: Row, table: string, id: string, sources: Map<string, SourceRef>, fields: Partial<Figure>): Figure {
  return {
    id,
    label: row.measure as string,
    definition: row.measure as string,
    value: row.value as number | null,
    unit: row.unit as string,
    display: displayValue(row.value as number | null, row.unit as string, (row.qualifier as string | null) ?? null),
    numerator: null,
    denominator: null,
    denominatorLabel: null,
    interval: null,
    status: row.status as Status,
    derived: false,
    period: null,
    rows: [`${table}:${id}`],
    sources: [sources.get(row.source_id as string)!],
    quote: (row.quote as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    ...fields
  };
}

function mazarsFigures(facts: FactBase, sources: Map<string, SourceRef>): Figure[] {
  return facts.rows("mazars_figures").map((row) => {
    const base = row.base ? ` Share of ${row.base}.` : "";
    const type = row.investigation_type ? ` Investigation type: ${row.investigation_type}.` : "";
    const period = `${formatDate(row.period_start as string, "month")} to ${formatDate(row.period_end as string, "month")}`;
    return stated(row, "mazars_figures", row.figure_id as string, sources, {
      definition: `${row.measure}.${base}${type} Mazars review, ${period} (${row.report_version} report).`,
      period,
      display: (row.reported_as as string | null) ?? displayValue(row.value as number | null, row.unit as string)
    });
  });
}

function comparatorFigures(facts: FactBase, sources: Map<string, SourceRef>): Figure[] {
  return facts.rows("comparators").map((row) => {
    const scope = `${row.population}${row.period ? `, ${row.period}` : ""}.`;
    const period = (row.period as string | null)?.replace(/^(\d{4})-(\d{4})$/, "$1–$2") ?? null;
    if (row.statistic !== "proportion") {
      return stated(row, "comparators", row.comparator_id as string, sources, {definition: `${row.measure}. ${scope}`, period});
    }
    const x = row.numerator as number;
    const n = row.denominator as number;
    const interval = wilsonInterval(x, n);
    const value = percentOf(x, n);
    return stated(row, "comparators", row.comparator_id as string, sources, {
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

function trustFactFigures(facts: FactBase, sources: Map<string, SourceRef>): Figure[] {
  return facts.rows("trust_facts").map((row) =>
    stated(row, "trust_facts", row.fact_id as string, sources, {
      definition: `${row.measure}${row.as_of ? `, as of ${formatDate(row.as_of as string, row.as_of_precision as Precision)}` : ""}.`
    })
  );
}

function findingFigures(facts: FactBase, sources: Map<string, SourceRef>): Figure[] {
  return facts
    .rows("cqc_findings")
    .filter((row) => row.value !== null)
    .map((row) =>
      stated(row, "cqc_findings", row.finding_id as string, sources, {
        label: row.finding as string,
        definition: `${row.finding} (${row.event}; ${row.location}).`
      })
    );
}

/** Every count with a denominator row gives a share of that whole; plus shares the story needs across steps. */
const EXTRA_SHARES: {id: string; part: string; whole: string; label: string}[] = [
  {id: "share_unexpected_of_all", part: "deaths_unexpected", whole: "deaths_total", label: "Share of all deaths categorised as unexpected"},
  {id: "share_siri_of_reported", part: "investigated_siri", whole: "deaths_reported_ulysses", label: "Share of reported deaths investigated as SIRI"}
];

export function buildFigures(facts: FactBase): Map<string, Figure> {
  const sources = sourceIndex(facts);
  const figures = new Map<string, Figure>();
  for (const figure of [...mazarsFigures(facts, sources), ...comparatorFigures(facts, sources), ...trustFactFigures(facts, sources), ...findingFigures(facts, sources)]) {
    if (figures.has(figure.id)) throw new Error(`two figures share the id '${figure.id}'`);
    figures.set(figure.id, figure);
  }
  for (const row of facts.rows("mazars_figures")) {
    // A superseded framing is explained, never turned into a rate.
    if (row.denominator_id === null || row.value === null || row.status === "superseded") continue;
    const part = figures.get(row.figure_id as string)!;
    const whole = figures.get(row.denominator_id as string)!;
    const id = `share_${row.figure_id}`;
    figures.set(id, shareFigure({id, label: `${part.label}, as a share of ${lowerFirst(whole.label)}`, part, whole}));
  }
  for (const {id, part, whole, label} of EXTRA_SHARES) {
    figures.set(id, shareFigure({id, label, part: figures.get(part)!, whole: figures.get(whole)!}));
  }
  return figures;
}
