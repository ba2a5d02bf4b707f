/** What each built page must show; a page missing here fails the suite. */
export interface PageExpectation {
  /** The fewest framed charts the page draws. */
  charts: number;
  /** Elements that must be present once the page has run. */
  selectors?: string[];
  /** Only the analysts' SQL page may load DuckDB-WASM. */
  duckdb?: boolean;
}

export const PAGE_EXPECTATIONS: Record<string, PageExpectation> = {
  "/": {charts: 1, selectors: [".headline-figures .fact"]},
  "/deaths": {charts: 3, selectors: [".fact", "table.draft-final", ".claim"]},
  "/learning-disability": {charts: 2, selectors: [".fact"]}
};
