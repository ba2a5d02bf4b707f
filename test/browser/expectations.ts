/** What each built page must show; a page missing here fails the suite. */
import {EMBEDDABLE_CHARTS} from "../../src/components/charts/chart-registry.js";
export interface PageExpectation {
  /** The fewest framed charts the page draws. */
  charts: number;
  /** Elements that must be present once the page has run. */
  selectors?: string[];
  /** Only the analysts' SQL page may load DuckDB-WASM. */
  duckdb?: boolean;
  /** The prose has figures, each opening its card. */
  figures?: boolean;
  /** False for a page whose only chart has no marks to focus (its text alternative says it all). */
  tips?: false;
}

export const PAGE_EXPECTATIONS: Record<string, PageExpectation> = {
  "/": {figures: true, charts: 1, selectors: [".headline-figures .fact"]},
  "/deaths": {figures: true, charts: 3, selectors: [".fact", "table.draft-final", ".claim"]},
  "/learning-disability": {figures: true, charts: 2, selectors: [".fact"]},
  "/ratings": {charts: 2, selectors: ["#chart-ratings-trust", "#chart-ratings-core-services", ".ratings-legend"]},
  "/warnings": {figures: true, charts: 3, selectors: ["#chart-ligature-thread", "#chart-warning-notice", "#chart-fines", ".thread-list li", ".fact"]},
  "/findings": {charts: 0, selectors: ["#chart-findings", ".findings-filters select", ".findings-table table", ".findings-count"]},
  "/timeline": {charts: 2, selectors: ["#chart-timeline", "#chart-leadership", "table.event-list tbody tr"]},
  // The workbench draws a chart only for a query's result, so none is required on arrival.
  "/crisis-2016": {figures: true, charts: 1, selectors: ["#chart-crisis-timeline", ".statement", ".statement blockquote"]},
  "/sources": {charts: 0, selectors: [".source-summary", ".source-publisher .source-entry[id^=\"source-\"]", "script[type=\"application/ld+json\"]"]},
  "/explore": {charts: 0, duckdb: true, selectors: ["textarea#sql-input", "button.sql-run", ".sql-example", ".sql-schema details[data-table]"]},
  // Each embed page shows its one chart and nothing else.
  ...Object.fromEntries(EMBEDDABLE_CHARTS.map(({id}) => [`/embed/${id}`, {charts: 1, selectors: [`#chart-${id}`]}])),
  // A grid of 100 squares showing one share: no mark of its own to focus.
  "/embed/families": {charts: 1, tips: false, selectors: ["#chart-families"]},
  // The findings "chart" is a table of every finding, not a drawing.
  "/embed/findings": {charts: 0, selectors: ["#chart-findings table"]}
};
