/**
 * Readers' language for the notes the fact base carries in free text (why a
 * value was kept over another, what a period covers). Those notes are written
 * by the people who keep the data and refer to records by their keys ("event
 * 2016_10_percy_leaves_trust") and to dates as ISO strings ("2016-10"); a
 * reader sees the record's name and the date in words instead.
 */
import type {FactBase} from "../factbase/factbase.js";
import type {TableName, TableRows} from "../factbase/rows.js";
import {formatDate, lowerFirst, MONTHS} from "./format.js";

/** The words of the data's own bookkeeping that name a table or a kind of record, never said to readers. */
const TABLE_WORDS = new Set([
  "event", "events", "record", "records", "source", "sources", "see", "figure", "figures", "and", "/", ",",
  "mazars_figures", "trust_facts", "comparators", "cqc_findings", "cqc_ratings", "claims", "statements",
  "disagreements", "leadership_terms"
]);

const ISO_DATE = /\b(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b(?!-\d)/g;

/** A month cut short where a date is meant: before a year ("Dec 2015") or in a span of months ("Oct-Nov 2021"). */
const SHORT_MONTH = /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=[\s–-]+\d{4}\b|[–-](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)/g;

/**
 * "2016-10" → "October 2016", "2016-04-06" → "6 April 2016", "17 Dec 2015" → "17 December 2015";
 * a span of years ("2015-16") is left alone.
 */
export function datesInWords(text: string): string {
  return text
    .replace(ISO_DATE, (_match, year: string, month: string, day?: string) =>
      day ? formatDate(`${year}-${month}-${day}`, "day") : formatDate(`${year}-${month}`, "month")
    )
    .replace(SHORT_MONTH, (short: string) => MONTHS.find((month) => month.startsWith(short.slice(0, 3))) ?? short);
}

/** A key of the fact base: lower case, with an underscore (every id in data/ has one). */
const KEY = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g;

/**
 * A note as a reader reads it: a parenthesis that only points at other
 * records ("(event 2016_04_06_warning_notice_announced)", "(see
 * disagreements)") is dropped, a key still in a sentence becomes the name of
 * what it keys ("kept only as leak_unexpected_1454" → "kept only as the
 * leaked draft's framing …"), the data's first person ("the record holds") is
 * the page's, and dates are in words.
 */
export function readerText(text: string, names: ReadonlyMap<string, string>): string {
  const withoutPointers = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    const words = inner.split(/\s+|(?=[,/])|(?<=[,/])/).filter(Boolean);
    return words.length && words.every((w) => TABLE_WORDS.has(w) || names.has(w) || /^[a-z]+(?:_[a-z0-9]+)+$/.test(w)) ? "" : whole;
  });
  const named = withoutPointers
    // "at event X", "see trust_facts X": the table word goes with the key.
    .replace(/\b(?:event|record|source|mazars_figures|trust_facts|comparators|cqc_findings|cqc_ratings|statements|claims)\s+(?=[a-z0-9]+_)/g, "")
    .replace(KEY, (key) => (names.get(key) ?? key.replace(/_/g, " ")));
  return datesInWords(
    named
      .replace(/\bThe record (holds|keeps|follows|notes|now holds)\b/g, (_m, verb: string) => `This page ${verb === "now holds" ? "now gives" : verb === "holds" ? "gives" : verb === "keeps" ? "keeps" : verb}`)
      .replace(/\bthe record's own\b/g, "this page's own")
      .replace(/\bthe record\b/g, "this page")
  );
}

/** Parenthesised asides at the end of a record's own name ("… (superseded)"): not part of its name in a sentence. */
const TRAILING_ASIDE = /\s*\([^()]*\)\s*$/;

/**
 * What each key of the fact base is called in a sentence: a figure by its
 * measure, an event by what happened, a source by its publisher, a person's
 * term by the person. Built once per fact base.
 */
export function recordNames(tables: Pick<FactBase, "rows">): Map<string, string> {
  const names = new Map<string, string>();
  const put = <T extends TableName>(table: T, key: keyof TableRows[T], name: (row: TableRows[T]) => unknown) => {
    for (const row of tables.rows(table)) names.set(String(row[key]), String(name(row)).replace(TRAILING_ASIDE, ""));
  };
  // A measure ("Deaths reported on …") is named inside a sentence, so it starts in lower case.
  const measure = (r: {measure: string}) => lowerFirst(r.measure);
  put("sources", "source_id", (r) => r.publisher);
  put("mazars_figures", "figure_id", measure);
  put("comparators", "comparator_id", measure);
  put("trust_facts", "fact_id", measure);
  put("events", "event_id", (r) => r.event);
  put("cqc_findings", "finding_id", (r) => r.finding);
  put("statements", "statement_id", (r) => `${r.speaker}'s statement`);
  put("claims", "claim_id", (r) => `${r.claimant}'s claim`);
  put("leadership_terms", "term_id", (r) => `${r.person}, ${r.role}`);
  return names;
}

/** What a disputed field is called in "the BBC gives the date as …". */
const FIELD_NAMES: Record<string, string> = {
  value: "figure",
  date: "date",
  dated: "date",
  as_of: "date",
  inspected: "inspection dates",
  inspected_note: "length of the inspection",
  denominator: "total",
  reported_as: "wording",
  measure: "description",
  base: "base of the share"
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.replace(/_/g, " ");
}
