/**
 * The tables an analyst can query, from the catalog the data loaders write:
 * each table's row count and description, and each column's type and
 * meaning. Types are DuckDB's own once the database has loaded (they are what
 * a query has to cast to and from); until then, the data package's.
 */
import type {TableInfo} from "../../lib/delivery/tables.js";
import {element} from "../dom.js";

export interface SchemaBrowser {
  node: HTMLElement;
  /** DuckDB's column types, keyed "table.column"; tables DuckDB does not have are flagged. */
  setDatabaseSchema(types: Map<string, string>): void;
  /** Adds (or replaces) a table opened from the analyst's file, with a type choice per column. */
  setFileTable(table: FileTableInfo): void;
  removeTable(name: string): void;
}

/** A table made from an analyst's file: its columns' types can be changed. */
export interface FileTableInfo {
  name: string;
  fileName: string;
  rows: number;
  columns: {name: string; type: string}[];
  /** The types the analyst set, by column. */
  overrides: Record<string, string>;
}

export interface SchemaBrowserOptions {
  onQueryTable: (sql: string) => void;
  onBrowseTable: (table: string) => void;
  /** The types an analyst may choose for a file's column, and what to do when one is chosen (null: detect again). */
  columnTypes: readonly string[];
  onChangeType: (table: string, column: string, type: string | null) => void;
}

const COUNT = new Intl.NumberFormat("en-GB");

function rowCount(rows: number): string {
  return `${COUNT.format(rows)} row${rows === 1 ? "" : "s"}`;
}

export function SchemaBrowser(catalog: TableInfo[], {onQueryTable, onBrowseTable, columnTypes, onChangeType}: SchemaBrowserOptions): SchemaBrowser {
  const root = element("section", "sql-schema");
  root.setAttribute("aria-labelledby", "sql-schema-heading");
  // The data dictionary: what each table and column holds, and how many rows; the rows carry their sources.
  root.dataset.dictionary = "";
  const heading = element("h2");
  heading.id = "sql-schema-heading";
  heading.textContent = "Tables";
  const intro = element("p", "sql-schema-intro", `${catalog.length} tables. Open one to see its columns.`);
  root.append(heading, intro);
  const typeCells = new Map<string, HTMLElement>();
  const tableNotes = new Map<string, HTMLElement>();
  const fileEntries = new Map<string, HTMLElement>();
  // The analyst's tables come after the fact base's, in a group of their own.
  const fileGroup = element("div", "sql-schema-files");

  function actions(name: string): HTMLElement[] {
    const query = element("button");
    query.type = "button";
    query.className = "sql-query-table";
    query.textContent = `Query ${name}`;
    query.addEventListener("click", () => onQueryTable(`SELECT *\nFROM ${name}\nLIMIT 100`));
    const browse = element("button");
    browse.type = "button";
    browse.className = "sql-browse-table";
    browse.textContent = `Browse ${name}`;
    browse.addEventListener("click", () => onBrowseTable(name));
    return [query, browse];
  }

  for (const table of catalog) {
    const {details, summary} = tableDetails(table.name, table.rows, "sql-schema-table");
    const about = element("p", "sql-schema-about");
    const title = element("strong", "", table.title);
    about.append(title, `. ${table.description}`);
    const note = element("p", "sql-schema-missing");
    note.hidden = true;
    tableNotes.set(table.name, note);
    const list = element("dl", "sql-schema-columns");
    for (const column of table.columns) {
      const term = element("dt");
      const columnName = element("code", "", column.name);
      const type = element("span", "sql-schema-type", column.type);
      typeCells.set(`${table.name}.${column.name}`, type);
      term.append(columnName, " ", type);
      const description = element("dd", "", column.description || "No description.");
      list.append(term, description);
    }
    details.append(summary, about, note, ...actions(table.name), list);
    root.append(details);
  }
  root.append(fileGroup);

  function fileTable(table: FileTableInfo): HTMLElement {
    const {details, summary} = tableDetails(table.name, table.rows, "sql-schema-table sql-schema-file");
    const about = element("p", "sql-schema-about", `From your file “${table.fileName}”. Types are detected; choose another for a column and the file is read again with it.`);
    const list = element("dl", "sql-schema-columns");
    table.columns.forEach((column, i) => {
      const term = element("dt");
      const columnName = element("code", "", column.name);
      const select = element("select", "sql-schema-type-select");
      select.id = `sql-type-${table.name}-${i}`;
      select.setAttribute("aria-label", `Type of ${column.name} in ${table.name}`);
      select.dataset.column = column.name;
      const detected = element("option");
      detected.value = "";
      detected.textContent = table.overrides[column.name] ? "detect again" : column.type;
      select.append(detected);
      for (const type of columnTypes) {
        if (!table.overrides[column.name] && type === column.type) continue;
        const option = element("option");
        option.value = type;
        option.textContent = type;
        option.selected = table.overrides[column.name] === type;
        select.append(option);
      }
      select.addEventListener("change", () => onChangeType(table.name, column.name, select.value || null));
      term.append(columnName, " ", select);
      list.append(term);
    });
    details.append(summary, about, ...actions(table.name), list);
    return details;
  }

  return {
    node: root,
    setDatabaseSchema(types) {
      for (const [key, cell] of typeCells) {
        const type = types.get(key);
        if (type) cell.textContent = type;
      }
      const loaded = new Set([...types.keys()].map((key) => key.slice(0, key.indexOf("."))));
      for (const [table, note] of tableNotes) {
        note.hidden = loaded.has(table);
        note.textContent = loaded.has(table) ? "" : "This table is in the catalog but was not loaded into the database.";
      }
    },
    setFileTable(table) {
      const entry = fileTable(table);
      const previous = fileEntries.get(table.name);
      if (previous) {
        (entry as HTMLDetailsElement).open = (previous as HTMLDetailsElement).open;
        previous.replaceWith(entry);
      } else fileGroup.append(entry);
      fileEntries.set(table.name, entry);
    },
    removeTable(name) {
      fileEntries.get(name)?.remove();
      fileEntries.delete(name);
    }
  };
}

/** A table's entry in the schema browser: a disclosure headed by its name and row count. */
function tableDetails(table: string, rowTotal: number, className: string): {details: HTMLDetailsElement; summary: HTMLElement} {
  const details = element("details", className);
  details.dataset.table = table;
  const summary = element("summary");
  const name = element("code", "", table);
  const rows = element("span", "sql-schema-rows", rowCount(rowTotal));
  summary.append(name, " ", rows);
  return {details, summary};
}
