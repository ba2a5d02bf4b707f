/**
 * The prosecutions in the record, each with its amounts (fines and costs), its
 * sentencing date and its totals, as the fines chart draws them and the page
 * counts them. Kept apart from the chart so that the prose needs no charting library.
 */
import {byText, formatDate} from "../../lib/story/format.js";
import {fineGroups, isStatedTotal, type Amount} from "../../lib/story/fines.js";
import type {FindingRow} from "./record.js";

export type FineRow = Amount<FindingRow> & {
  prosecution: string;
  kind: "fine" | "costs";
  /** The label of the bar: what the amount is for. */
  item: string;
};

export type Prosecution = {
  prosecution: string;
  body: string;
  sentenced: string;
  parts: FineRow[];
  /** A row of the data that states the group's total, when there is one. */
  stated_total: Amount<FindingRow> | null;
  total: number;
  fines: number;
  costs: number;
};


export function prosecutions(findings: FindingRow[]): Prosecution[] {
  return fineGroups(findings)
    .map((group) => {
      const [first] = group;
      if (first === undefined) throw new Error("a prosecution is grouped from its amounts, so it has at least one");
      const stated = group.find((row) => isStatedTotal(row, group)) ?? null;
      const parts: FineRow[] = group
        .filter((row) => row !== stated)
        .map((row) => {
          const kind = /costs/i.test(row.finding) ? ("costs" as const) : ("fine" as const);
          return {...row, prosecution: row.event, kind, item: row.finding};
        });
      const sum = (kind: FineRow["kind"]) => parts.filter((p) => p.kind === kind).reduce((s, p) => s + p.value, 0);
      return {
        prosecution: first.event,
        body: first.body,
        sentenced: formatDate(first.dated, first.dated_precision),
        parts,
        stated_total: stated,
        total: sum("fine") + sum("costs"),
        fines: sum("fine"),
        costs: sum("costs")
      };
    })
    .sort((a, b) => byText(firstDated(a), firstDated(b)));
}

/** A prosecution's first amount's date: a stated total is the sum of two or more amounts, so there is always one. */
function firstDated({prosecution, parts: [first]}: Prosecution): string {
  if (first === undefined) throw new Error(`the prosecution '${prosecution}' has no amounts`);
  return first.dated;
}
