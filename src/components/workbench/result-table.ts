/**
 * The result of a query as a table an analyst can sort: each column header is
 * a button (click, Enter or Space), the sorted column carries aria-sort, and
 * NULL reads as the word NULL, set apart from the text "NULL". Every value is
 * written with textContent, so a value that looks like markup stays text.
 */
import {at} from "../../lib/story/checked-lookups.js";
import {UNSHOWN, formatCell, isNumericKind, sortOrder, type Cell, type ResultColumn} from "./sql-values.js";
import {element} from "../dom.js";

export type SortDirection = "ascending" | "descending";

export interface SortState {
  column: number;
  direction: SortDirection;
}

/** The next state after a click on a column header: a new column sorts up, the same column flips. */
export function nextSort(current: SortState | null, column: number): SortState {
  if (current?.column === column) return {column, direction: current.direction === "ascending" ? "descending" : "ascending"};
  return {column, direction: "ascending"};
}

export interface ResultTableOptions {
  /** Rows shown at most; the rest are counted in a note (and are in the downloads). */
  limit: number;
  /** Told the row order whenever the analyst sorts, so the chart can follow the table. */
  onSort?: (order: number[]) => void;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function ResultTable(columns: ResultColumn[], rows: Cell[][], {limit, onSort}: ResultTableOptions): HTMLElement {
  const root = element("div", "sql-result");
  const scroller = element("div", "sql-result-scroll");
  // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", "Query result");
  const table = element("table", "sql-result-table");
  const caption = element("caption", "sr-only");
  const shown = Math.min(limit, rows.length);
  caption.textContent = `Query result: ${COUNT.format(rows.length)} row${rows.length === 1 ? "" : "s"}, ${columns.length} column${columns.length === 1 ? "" : "s"}${shown < rows.length ? `; the first ${COUNT.format(shown)} shown` : ""}. Column headers sort the rows.`;
  const head = element("thead");
  const headRow = element("tr");
  const headers = columns.map((column, i) => {
    const th = element("th");
    th.scope = "col";
    if (isNumericKind(column.kind)) th.classList.add("sql-num");
    const button = element("button");
    button.type = "button";
    button.className = "sql-sort";
    const name = element("span", "sql-col-name", column.name);
    const type = element("span", "sql-col-type", column.typeName);
    const arrow = element("span", "sql-sort-arrow");
    arrow.setAttribute("aria-hidden", "true");
    button.append(name, " ", type, arrow);
    button.addEventListener("click", () => sortBy(i));
    th.append(button);
    headRow.append(th);
    return th;
  });
  head.append(headRow);
  const body = element("tbody");
  table.append(caption, head, body);
  scroller.append(table);
  root.append(scroller);

  if (rows.length > limit) {
    const note = element("p", "sql-truncated", `Showing the first ${COUNT.format(limit)} of ${COUNT.format(rows.length)} rows, in the table's current order. The CSV and JSON downloads hold all ${COUNT.format(rows.length)}.`);
    root.append(note);
  }

  let sort: SortState | null = null;
  let order = rows.map((_, i) => i);

  function renderBody(): void {
    const fragment = document.createDocumentFragment();
    for (const index of order.slice(0, limit)) {
      const tr = element("tr");
      at(rows, index, "the result").forEach((value, i) => {
        const td = element("td", "", formatCell(value));
        if (value === null) td.className = "sql-null";
        else if (value === UNSHOWN) td.className = "sql-unshown";
        else if (isNumericKind(at(columns, i, "the result's columns").kind)) td.className = "sql-num";
        tr.append(td);
      });
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
  }

  function sortBy(column: number): void {
    sort = nextSort(sort, column);
    order = sortOrder(rows, sort.column, sort.direction);
    headers.forEach((th, i) => {
      if (i === sort!.column) th.setAttribute("aria-sort", sort!.direction);
      else th.removeAttribute("aria-sort");
    });
    renderBody();
    onSort?.(order);
  }

  renderBody();
  return root;
}
