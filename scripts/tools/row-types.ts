/**
 * Writes src/lib/factbase/rows.ts, the row type of every table, from
 * data/datapackage.json: the one typed model that loaders, figures and charts
 * share. A required field is never null, an optional one may be; a list of
 * allowed values becomes a union of them. Run it with `npm run docs:data`;
 * a unit test fails while the committed file and the descriptor disagree.
 */
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import type {DataPackage, Field} from "../../src/lib/factbase/datapackage.js";
import {readDescriptor} from "./data-dictionary.js";

export const ROW_TYPES_PATH = fileURLToPath(new URL("../../src/lib/factbase/rows.ts", import.meta.url));

/** events → Events, cqc_ratings → CqcRatings. */
export function typeName(table: string): string {
  return table.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

function fieldType(field: Field): string {
  const enumeration = field.constraints?.enum;
  const base = enumeration ? enumeration.map((value) => JSON.stringify(value)).join(" | ") : field.type === "integer" || field.type === "number" ? "number" : "string";
  return field.constraints?.required ? base : `${base} | null`;
}

export function renderRowTypes(descriptor: DataPackage): string {
  const lines = [
    "// Generated from data/datapackage.json by scripts/tools/row-types.ts (npm run docs:data): do not edit.",
    "// One interface per table: a row as the fact base validates it.",
    ""
  ];
  for (const resource of descriptor.resources) {
    // Type aliases, not interfaces: a row stays assignable to the untyped Row the validator works on.
    lines.push(`/** ${resource.title ?? resource.name}: a row of data/${resource.path}. */`, `export type ${typeName(resource.name)} = {`);
    for (const field of resource.schema.fields) lines.push(`  ${field.name}: ${fieldType(field)};`);
    lines.push("};", "");
  }
  lines.push("/** Every table by name, with its row type. */", "export type TableRows = {");
  for (const resource of descriptor.resources) lines.push(`  ${resource.name}: ${typeName(resource.name)};`);
  lines.push("};", "", "export type TableName = keyof TableRows;", "");
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ROW_TYPES_PATH, renderRowTypes(readDescriptor()));
}
