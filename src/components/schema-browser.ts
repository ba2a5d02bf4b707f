/**
 * The tables an analyst can query, from the catalog the data loaders write:
 * each table's row count and description, and each column's type and
 * meaning. Types are DuckDB's own once the database has loaded (they are what
 * a query has to cast to and from); until then, the data package's.
 */
import type {TableInfo} from "../lib/tables.js";

export interface SchemaBrowser {
  node: HTMLElement;
  /** DuckDB's column types, keyed "table.column"; tables DuckDB does not have are flagged. */
  setDatabaseSchema(types: Map<string, string>): void;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function SchemaBrowser(catalog: TableInfo[], {onQueryTable}: {onQueryTable: (sql: string) => void}): SchemaBrowser {
  const root = document.createElement("section");
  root.className = "sql-schema";
  root.setAttribute("aria-labelledby", "sql-schema-heading");
  // The data dictionary: what each table and column holds, and how many rows; the rows carry their sources.
  root.dataset.dictionary = "";
  const heading = document.createElement("h2");
  heading.id = "sql-schema-heading";
  heading.textContent = "Tables";
  const intro = document.createElement("p");
  intro.className = "sql-schema-intro";
  intro.textContent = `${catalog.length} tables. Open one to see its columns.`;
  root.append(heading, intro);
  const typeCells = new Map<string, HTMLElement>();
  const tableNotes = new Map<string, HTMLElement>();
  for (const table of catalog) {
    const details = document.createElement("details");
    details.className = "sql-schema-table";
    details.dataset.table = table.name;
    const summary = document.createElement("summary");
    const name = document.createElement("code");
    name.textContent = table.name;
    const rows = document.createElement("span");
    rows.className = "sql-schema-rows";
    rows.textContent = `${COUNT.format(table.rows)} row${table.rows === 1 ? "" : "s"}`;
    summary.append(name, " ", rows);
    const about = document.createElement("p");
    about.className = "sql-schema-about";
    const title = document.createElement("strong");
    title.textContent = table.title;
    about.append(title, `. ${table.description}`);
    const note = document.createElement("p");
    note.className = "sql-schema-missing";
    note.hidden = true;
    tableNotes.set(table.name, note);
    const query = document.createElement("button");
    query.type = "button";
    query.className = "sql-query-table";
    query.textContent = `Query ${table.name}`;
    query.addEventListener("click", () => onQueryTable(`SELECT *\nFROM ${table.name}\nLIMIT 100`));
    const list = document.createElement("dl");
    list.className = "sql-schema-columns";
    for (const column of table.columns) {
      const term = document.createElement("dt");
      const columnName = document.createElement("code");
      columnName.textContent = column.name;
      const type = document.createElement("span");
      type.className = "sql-schema-type";
      type.textContent = column.type;
      typeCells.set(`${table.name}.${column.name}`, type);
      term.append(columnName, " ", type);
      const description = document.createElement("dd");
      description.textContent = column.description || "No description.";
      list.append(term, description);
    }
    details.append(summary, about, note, query, list);
    root.append(details);
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
    }
  };
}
