/**
 * The subset of the Frictionless Data Package standard that data/datapackage.json
 * uses. The descriptor is the one schema of the fact base: the validator checks
 * every CSV against it, and the data dictionary in docs/ is generated from it.
 */
/** Frictionless field types in use; partial dates of mixed precision stay strings with a pattern. */
export type FieldType = "string" | "integer" | "number" | "date" | "yearmonth";

export interface Field {
  name: string;
  type: FieldType;
  title?: string;
  description?: string;
  unit?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}

export interface ForeignKey {
  fields: string | string[];
  reference: {resource: string; fields: string | string[]};
}

export interface Resource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  schema: {
    fields: Field[];
    primaryKey?: string | string[];
    foreignKeys?: ForeignKey[];
  };
}

export interface DataPackage {
  name: string;
  title?: string;
  description?: string;
  licenses?: {name: string; title?: string; path?: string}[];
  resources: Resource[];
}

/** A validated value: numbers are numbers, a blank cell is null. */
export type Value = string | number | null;
export type Row = Record<string, Value>;

export function asList(fields: string | string[]): string[] {
  return typeof fields === "string" ? [fields] : fields;
}
