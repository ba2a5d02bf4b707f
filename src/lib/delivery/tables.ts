/**
 * The tables analysts query: every table of the fact base as it is in data/,
 * plus the computed figures, each with a description for the schema browser.
 */
import {derivedDateColumns, tableToArrow} from "./arrow.js";
import type {Field, Row} from "../factbase/datapackage.js";
import type {FactBase} from "../factbase/factbase.js";
import * as aq from "arquero";
import {buildFigures, type Figure} from "../story/figures.js";

export interface ColumnInfo {
  name: string;
  type: string;
  description: string;
}

export interface TableInfo {
  name: string;
  title: string;
  description: string;
  rows: number;
  columns: ColumnInfo[];
}

/** The computed figures as a flat table: one row per figure a reader can see. */
const FIGURE_FIELDS: Field[] = [
  {name: "figure_id", type: "string", description: "Identifier of the figure (the row id in its source table, or share_… for a share computed from two counts)."},
  {name: "label", type: "string", description: "What the figure measures."},
  {name: "value", type: "number", description: "The figure, in unit."},
  {name: "unit", type: "string", description: "Unit of value (deaths, percent, years, GBP, …)."},
  {name: "display", type: "string", description: "The figure as the story writes it."},
  {name: "numerator", type: "integer", description: "For a computed share: the count it is made from."},
  {name: "denominator", type: "integer", description: "For a computed share: the count it is a share of."},
  {name: "ci95_lower", type: "number", description: "Lower end of the 95% Wilson interval of a computed share, in percent."},
  {name: "ci95_upper", type: "number", description: "Upper end of the 95% Wilson interval of a computed share, in percent."},
  {name: "status", type: "string", description: "final, secondary, draft, superseded or unconfirmed; a computed share takes the weakest status of its counts."},
  {name: "derived", type: "string", description: "yes when computed by code from counts; no when stated by a source."},
  {name: "source_ids", type: "string", description: "The sources of the figure, separated by '; ' (see the sources table)."}
];

function figureRows(facts: FactBase): Row[] {
  const figures = [...buildFigures(facts).values()].map((f) => ({...f, source_ids: f.sources.map((s) => s.id)}));
  // The flat table analysts query: interval ends as percentages, a readable flag, sources joined.
  return aq
    .from(figures)
    .derive({
      figure_id: (d: Figure) => d.id,
      ci95_lower: (d: Figure) => (d.interval ? 100 * d.interval.lower : null),
      ci95_upper: (d: Figure) => (d.interval ? 100 * d.interval.upper : null),
      derived: (d: Figure) => (d.derived ? "yes" : "no"),
      source_ids: (d: {source_ids: string[]}) => aq.op.join(d.source_ids, "; ")
    })
    .select(FIGURE_FIELDS.map((f) => f.name))
    .objects() as Row[];
}

function tableSpec(facts: FactBase, name: string): {title: string; description: string; fields: Field[]; rows: Row[]} {
  if (name === "figures") {
    return {
      title: "Computed figures",
      description: "Every figure the story shows, stated or computed from counts, with its status and sources.",
      fields: FIGURE_FIELDS,
      rows: figureRows(facts)
    };
  }
  const table = facts.tables.get(name);
  if (!table) throw new Error(`no table named '${name}'`);
  const {resource} = table;
  return {title: resource.title ?? name, description: resource.description ?? "", fields: resource.schema.fields, rows: table.rows};
}

export function tableNames(facts: FactBase): string[] {
  return [...facts.descriptor.resources.map((r) => r.name), "figures"];
}

export function tableArrow(facts: FactBase, name: string): Uint8Array {
  const {fields, rows} = tableSpec(facts, name);
  return tableToArrow(fields, rows);
}

export function tableCatalog(facts: FactBase): TableInfo[] {
  return tableNames(facts).map((name) => {
    const {title, description, fields, rows} = tableSpec(facts, name);
    return {
      name,
      title,
      description,
      rows: rows.length,
      columns: [
        ...fields.map((f) => ({name: f.name, type: f.type, description: f.description ?? ""})),
        ...derivedDateColumns(fields)
      ]
    };
  });
}
