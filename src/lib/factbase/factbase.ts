/**
 * Reads the fact base in data/: every table listed in datapackage.json, parsed,
 * typed and checked against its schema, then checked across rows and tables.
 * Loaders call loadFactBase() first, so nothing unchecked reaches a page.
 */
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {parseCsv} from "./csv.js";
import type {DataPackage} from "./datapackage.js";
import {DataError} from "./errors.js";
import {checkInvariants} from "./invariants.js";
import {checkProvenance} from "./provenance.js";
import type {TableName, TableRows} from "./rows.js";
import {checkForeignKeys, typedTable, validateTable, type TypedTable} from "./validate.js";

export interface FactBase {
  dir: string;
  descriptor: DataPackage;
  tables: Map<string, TypedTable>;
  /** The validated rows of a table, typed by the data package (src/lib/factbase/rows.ts). */
  rows<T extends TableName>(name: T): TableRows[T][];
}

/** The data folder: data/, or another given by SHFT_DATA_DIR (tests use copies). */
export function dataDir(): string {
  return process.env.SHFT_DATA_DIR ?? join(process.cwd(), "data");
}

function readText(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch (error) {
    throw new DataError(displayPath(dir, file), 1, 1, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function displayPath(dir: string, file: string): string {
  const path = relative(process.cwd(), join(dir, file));
  return path.startsWith("..") ? join(dir, file) : path;
}

export function loadFactBase(dir = dataDir()): FactBase {
  const descriptorPath = displayPath(dir, "datapackage.json");
  let descriptor: DataPackage;
  try {
    descriptor = JSON.parse(readText(dir, "datapackage.json"));
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(descriptorPath, 1, 1, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tables = new Map<string, TypedTable>();
  for (const resource of descriptor.resources) {
    const file = displayPath(dir, resource.path);
    tables.set(resource.name, validateTable(parseCsv(file, readText(dir, resource.path)), resource));
  }
  checkForeignKeys(tables);
  checkInvariants(tables);
  checkProvenance(tables);
  return {
    dir,
    descriptor,
    tables,
    rows(name) {
      const table = typedTable(tables, name);
      if (!table) throw new Error(`the fact base has no table '${name}'`);
      return table.rows;
    }
  };
}
