/**
 * Browsing a table without writing SQL, as Datasette does: each column with
 * few values is a facet listing them with their counts, and a click filters
 * on one (a second click takes the filter off); a text search and a sort
 * complete it. Every change writes the query (browse-sql.ts) into the editor
 * and runs it, so the analyst sees, and can edit, the SQL their clicks made.
 * Numbers and dates with too many values for a facet are drawn as their
 * distribution by Plot.auto, which picks the chart (a histogram) itself.
 */
import * as Plot from "npm:@observablehq/plot";
import {element} from "../dom.js";
import type {QueryRunner} from "./duckdb-runner.js";
import {browseSql, distinctCountsSql, distributionColumns, distributionSql, facetColumns, facetCountsSql, toggleFilter, type BrowseColumn, type BrowseState} from "./browse-sql.js";

export interface TableBrowser {
  node: HTMLElement;
  /** Starts browsing a table from scratch, and runs its first query. */
  browse(table: string, columns: BrowseColumn[]): Promise<void>;
  /** Stops browsing a table (it was removed). */
  forget(table: string): void;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function TableBrowser({runner, onSql}: {runner: QueryRunner; onSql: (sql: string) => void}): TableBrowser {
  const root = element("section", "sql-browse");
  root.setAttribute("aria-labelledby", "sql-browse-heading");
  root.hidden = true;
  const heading = element("h2", "");
  heading.id = "sql-browse-heading";
  const close = element("button", "sql-browse-close", "Stop browsing");
  close.type = "button";
  const intro = element("p", "sql-browse-intro", "Click a value to filter on it, and again to take the filter off. The query your choices make is in the SQL box below: edit it to go further.");
  const form = element("form", "sql-browse-controls");
  const searchLabel = element("label", "", "Search text columns ");
  searchLabel.htmlFor = "sql-browse-search";
  const search = element("input");
  search.type = "search";
  search.id = "sql-browse-search";
  const searchButton = element("button", "sql-browse-search-button", "Search");
  searchButton.type = "submit";
  const sortLabel = element("label", "", "Sort by ");
  sortLabel.htmlFor = "sql-browse-sort";
  const sort = element("select");
  sort.id = "sql-browse-sort";
  const descendingLabel = element("label", "sql-browse-descending");
  const descending = element("input");
  descending.type = "checkbox";
  descending.id = "sql-browse-descending";
  descendingLabel.append(descending, " largest first");
  form.append(searchLabel, search, searchButton, sortLabel, sort, descendingLabel);
  const facetBox = element("div", "sql-facets");
  const distributionBox = element("div", "sql-distributions");
  const facetStatus = element("p", "sql-facet-status");
  facetStatus.setAttribute("role", "status");
  root.append(heading, close, intro, form, facetStatus, facetBox, distributionBox);

  let state: BrowseState | null = null;
  let distinct = new Map<string, number>();
  let generation = 0;

  function apply(): void {
    if (!state) return;
    onSql(browseSql(state));
    void refreshFacets();
  }

  async function refreshFacets(): Promise<void> {
    if (!state) return;
    const mine = ++generation;
    const facets = facetColumns(state.columns, distinct, state.filters);
    if (!facets.length) {
      facetBox.replaceChildren();
      void drawDistributions(state, facets, mine);
      facetStatus.textContent = "No column has few enough values to be a facet; search or sort instead.";
      return;
    }
    facetStatus.textContent = "Counting…";
    try {
      const {rows} = await runner.inspect(facetCountsSql(state, facets));
      if (mine !== generation || !state) return;
      const current = state;
      const groups = facets.map((facet) => {
        const group = element("section", "sql-facet");
        group.dataset.column = facet;
        const title = element("h3", "", facet);
        const list = element("ul", "sql-facet-values");
        for (const [, value, n] of rows.filter((row) => row[0] === facet)) {
          const text = value === null ? null : String(value);
          const item = element("li");
          const button = element("button", "sql-facet-value");
          button.type = "button";
          button.dataset.column = facet;
          if (text !== null) button.dataset.value = text;
          const pressed = current.filters.some((f) => f.column === facet && f.value === text);
          button.setAttribute("aria-pressed", String(pressed));
          const label = element("span", text === null ? "sql-null" : "sql-facet-label", text ?? "NULL");
          const count = element("span", "sql-facet-count", COUNT.format(Number(n)));
          button.append(label, " ", count);
          button.addEventListener("click", () => {
            if (!state) return;
            state = {...state, filters: toggleFilter(state.filters, {column: facet, value: text})};
            apply();
          });
          item.append(button);
          list.append(item);
        }
        group.append(title, list);
        return group;
      });
      facetBox.replaceChildren(...groups);
      void drawDistributions(current, facets, mine);
      const filters = current.filters.length;
      facetStatus.textContent = filters ? `${filters} filter${filters === 1 ? "" : "s"} on; counts are of the rows that match them.` : "";
    } catch (error) {
      if (mine !== generation) return;
      facetStatus.textContent = `The facets could not be counted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async function drawDistributions(current: BrowseState, facets: string[], mine: number): Promise<void> {
    const charts: HTMLElement[] = [];
    for (const column of distributionColumns(current.columns, facets)) {
      const {rows} = await runner.inspect(distributionSql(current, column)).catch(() => ({rows: [] as unknown[][]}));
      if (mine !== generation) return;
      const isDate = /^(DATE|TIMESTAMP)/i.test(current.columns.find((c) => c.name === column)!.type);
      const values = rows.map(([v]) => ({[column]: isDate ? new Date(`${String(v).replace(" ", "T")}Z`) : Number(v)}));
      if (values.length < 2) continue;
      const figure = element("figure", "sql-distribution");
      figure.dataset.column = column;
      const caption = element("figcaption", "", `${column}: distribution${values.length >= 2000 ? " of a sample of 2,000 rows" : ""}`);
      const chart = Plot.auto(values, {x: column}).plot({width: 260, height: 130, marginLeft: 44, style: {overflow: "visible"}});
      chart.setAttribute("role", "img");
      chart.setAttribute("aria-label", `Histogram of ${column} in the rows shown`);
      figure.append(caption, chart);
      charts.push(figure);
    }
    if (mine === generation) distributionBox.replaceChildren(...charts);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!state) return;
    state = {...state, search: search.value};
    apply();
  });
  const onSort = () => {
    if (!state) return;
    state = {...state, sort: sort.value ? {column: sort.value, descending: descending.checked} : null};
    apply();
  };
  sort.addEventListener("change", onSort);
  descending.addEventListener("change", onSort);
  close.addEventListener("click", () => {
    state = null;
    ++generation;
    root.hidden = true;
  });

  return {
    node: root,
    async browse(table, columns) {
      state = {table, columns, filters: [], search: "", sort: null};
      heading.textContent = `Browse ${table}`;
      search.value = "";
      descending.checked = false;
      const none = element("option");
      none.value = "";
      none.textContent = "(the table's order)";
      sort.replaceChildren(none, ...columns.map((c) => Object.assign(element("option"), {value: c.name, textContent: c.name})));
      root.hidden = false;
      facetBox.replaceChildren();
      distributionBox.replaceChildren();
      onSql(browseSql(state));
      facetStatus.textContent = "Looking for columns to facet…";
      const mine = ++generation;
      try {
        const {columns: names, rows} = await runner.inspect(distinctCountsSql(state));
        if (mine !== generation) return;
        distinct = new Map(names.slice(1).map((c, i) => [c.name, Number(rows[0]?.[i + 1] ?? 0)]));
      } catch {
        distinct = new Map();
      }
      await refreshFacets();
    },
    forget(table) {
      if (state?.table !== table) return;
      state = null;
      ++generation;
      root.hidden = true;
    }
  };
}
