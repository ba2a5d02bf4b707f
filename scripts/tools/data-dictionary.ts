/**
 * Writes docs/data-dictionary.md from data/datapackage.json, so the dictionary
 * says exactly what the validator checks. Run it (npm run docs:data) after any
 * change to the descriptor; a unit test fails while the two disagree.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {asList, type DataPackage, type Field, type Resource} from "../../src/lib/factbase/datapackage.js";

type Descriptor = DataPackage & {sources?: {title: string; description?: string; path?: string}[]};

/**
 * What each status lets the notebook do with a figure. The meanings come from
 * the descriptor; this is the editorial rule, as src/lib/story/figures.ts applies it.
 */
const STATUS_USE: Record<string, string> = {
  final: "Yes, citing the source.",
  secondary: "Yes, citing the source; the page marks it as secondary.",
  draft: "Only labelled as a figure from the leaked draft.",
  superseded: "Only to explain the correction; never charted or turned into a share.",
  unconfirmed: "No: the value is left empty (or `not found` for a rating) and the page shows it as not found."
};

const DESCRIPTOR = fileURLToPath(new URL("../../data/datapackage.json", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../../docs/data-dictionary.md", import.meta.url));

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

function code(text: string): string {
  return `\`${text}\``;
}

function allowed(field: Field): string {
  const c = field.constraints ?? {};
  const parts: string[] = [];
  if (c.enum) parts.push(`one of ${c.enum.map(code).join(", ")}`);
  if (c.minimum !== undefined && c.maximum !== undefined) parts.push(`${c.minimum} to ${c.maximum}`);
  else if (c.minimum !== undefined) parts.push(`≥ ${c.minimum}`);
  else if (c.maximum !== undefined) parts.push(`≤ ${c.maximum}`);
  if (c.pattern) parts.push(`matches ${code(c.pattern)}`);
  if (c.unique) parts.push("unique");
  return parts.join("; ");
}

function fieldRow(field: Field): string {
  const type = field.unit ? `${field.type} (${field.unit})` : field.type;
  const description = [field.title ? `**${field.title}.**` : "", field.description ?? ""].filter(Boolean).join(" ");
  return `| ${[code(field.name), type, field.constraints?.required ? "yes" : "no", allowed(field), description].map(cell).join(" | ")} |`;
}

function keyList(fields: string | string[]): string {
  return asList(fields).map(code).join(", ");
}

function resourceSection(resource: Resource): string[] {
  const {schema} = resource;
  const lines = [`## ${code(resource.name)}: ${resource.title ?? resource.name}`, ""];
  if (resource.description) lines.push(resource.description, "");
  lines.push(`- File: ${code(`data/${resource.path}`)}`);
  lines.push(`- Primary key: ${schema.primaryKey ? keyList(schema.primaryKey) : "none"}`);
  const foreignKeys = schema.foreignKeys ?? [];
  if (foreignKeys.length === 0) {
    lines.push("- Foreign keys: none");
  } else {
    lines.push("- Foreign keys:");
    for (const fk of foreignKeys) {
      const target = fk.reference.resource === "" ? resource.name : fk.reference.resource;
      const self = fk.reference.resource === "" ? " (same table)" : "";
      lines.push(`  - ${keyList(fk.fields)} → ${code(target)}.${keyList(fk.reference.fields)}${self}`);
    }
  }
  lines.push("", "| Field | Type | Required | Allowed values, range, pattern | Description |", "|---|---|---|---|---|");
  for (const field of schema.fields) lines.push(fieldRow(field));
  lines.push("");
  return lines;
}

/** The status vocabulary: one enum shared by every table, with its meanings parsed from the field description. */
function statusSection(descriptor: Descriptor): string[] {
  const statusFields = descriptor.resources.flatMap((r) => r.schema.fields.filter((f) => f.name === "status").map((f) => ({resource: r.name, field: f})));
  const [first] = statusFields;
  if (first === undefined) return [];
  const {field} = first;
  const values = field.constraints?.enum ?? [];
  for (const other of statusFields) {
    if (JSON.stringify(other.field.constraints?.enum) !== JSON.stringify(values) || other.field.description !== field.description) {
      throw new Error(`datapackage.json: ${other.resource}.status differs from ${first.resource}.status; the dictionary assumes one status vocabulary`);
    }
  }
  const meanings = new Map<string, string>();
  const list = (field.description ?? "").replace(/^[^:]*:\s*/, "");
  for (const part of list.split(/;\s*/)) {
    const match = /^([a-z]+) = (.+?)\.?$/.exec(part.trim());
    const [, value, meaning] = match ?? [];
    if (value !== undefined && meaning !== undefined) meanings.set(value, meaning);
  }
  const lines = [
    "## Status vocabulary",
    "",
    `Every table has a ${code("status")} column with the same values. A share computed from two counts takes the weaker status of the two (in the order below); if either count is not published, neither is the share.`,
    "",
    "| Status | Meaning | May the notebook state it as fact? |",
    "|---|---|---|"
  ];
  for (const value of values) {
    const meaning = meanings.get(value);
    const use = STATUS_USE[value];
    if (!meaning) throw new Error(`datapackage.json: the description of status does not say what '${value}' means`);
    if (!use) throw new Error(`scripts/tools/data-dictionary.ts: say in STATUS_USE what the notebook may do with a '${value}' figure`);
    lines.push(`| ${[code(value), meaning, use].map(cell).join(" | ")} |`);
  }
  lines.push("");
  return lines;
}

export function renderDataDictionary(descriptor: Descriptor): string {
  const lines = [
    "# Data dictionary",
    "",
    `<!-- Generated from data/datapackage.json by scripts/tools/data-dictionary.ts. Do not edit: run \`npm run docs:data\`. -->`,
    "",
    `**${descriptor.title ?? descriptor.name}** (${code(descriptor.name)})`,
    ""
  ];
  if (descriptor.description) lines.push(descriptor.description, "");
  lines.push("## Tables", "", "| Table | File | Title | Primary key |", "|---|---|---|---|");
  for (const r of descriptor.resources) {
    lines.push(`| ${[`[${code(r.name)}](#${anchor(r)})`, code(`data/${r.path}`), r.title ?? "", r.schema.primaryKey ? keyList(r.schema.primaryKey) : ""].map(cell).join(" | ")} |`);
  }
  lines.push("");
  lines.push("## Licences", "");
  for (const licence of descriptor.licenses ?? []) {
    const name = licence.title ? `${licence.title} (${code(licence.name)})` : code(licence.name);
    lines.push(`- Data: ${licence.path ? `[${name}](${licence.path})` : name}`);
  }
  if (!descriptor.licenses?.length) lines.push("- No licence is declared in data/datapackage.json.");
  lines.push("");
  lines.push(...statusSection(descriptor));
  if (descriptor.sources?.length) {
    lines.push("## Where the data comes from", "");
    for (const source of descriptor.sources) lines.push(`- **${source.title}**${source.description ? `. ${source.description}` : ""}`);
    lines.push("");
  }
  lines.push(
    "## Conventions",
    "",
    "- An empty cell is a missing value (it becomes null); a value is never estimated to fill a gap.",
    `- Partial dates are ISO 8601 (${code("YYYY")}, ${code("YYYY-MM")} or ${code("YYYY-MM-DD")}) with a ${code("<column>_precision")} column saying which; the Arrow tables add ${code("<column>_from")} and ${code("<column>_to")}, the first and last day covered.`,
    `- Percentages that restate two counts held here are not stored: code computes them, with a 95% Wilson interval.`,
    ""
  );
  for (const resource of descriptor.resources) lines.push(...resourceSection(resource));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** GitHub's anchor for a resource heading. */
function anchor(resource: Resource): string {
  return `${resource.name}: ${resource.title ?? resource.name}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export function readDescriptor(path = DESCRIPTOR): Descriptor {
  return JSON.parse(readFileSync(path, "utf8"));
}

export const DATA_DICTIONARY_PATH = OUTPUT;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, renderDataDictionary(readDescriptor()));
  console.log(`wrote ${OUTPUT}`);
}
