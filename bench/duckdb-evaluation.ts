/**
 * DuckDB-WASM 1.32.0 against the 1.29.0 the page ships, measured once by hand
 * (not by the bench: another version is not installed in the project). Kept
 * here so that docs/performance.md keeps it when the bench rewrites the page.
 */
export const DUCKDB_EVALUATION = `## DuckDB-WASM: 1.29.0 kept, 1.32.0 measured

Measured on 2026-12-03 with each version's Node bindings (the same WebAssembly, \`eh\` build) on this
machine while others were building (1-minute load average 31 on 2 cores, so times are noisy).
The CSV is the bench's 1,000,000-row file without its ward column (29.8 MB).

| | 1.29.0 (DuckDB 1.1.1) | 1.32.0 (DuckDB 1.4.3) |
| --- | --- | --- |
| \`read_csv(…, encoding='latin-1')\`, \`encoding='utf-16'\` | refused: no such option | read (“£ café”) |
| \`thousands='.'\`, \`decimal_separator=','\` | refused: no such option | read (“1.234” → 1234, “11,5” → 11.5) |
| \`nullstr=['*', '..']\` | read | read |
| \`read_json\`, \`read_parquet\` (STRUCT, LIST, DECIMAL) | extensions fetched from extensions.duckdb.org: not offline | the same |
| 1,000,000-row CSV into a table, 3 runs | 8.46 s, 7.33 s, 3.26 s | 7.11 s, 5.11 s, 4.43 s |
| \`GROUP BY\` over it, 5 runs | 347, 276, 287, 277, 435 ms | 582, 422, 752, 363, 659 ms |

1.29.0 is kept. The newer version reads encodings and local number formats itself, but the page
already reads those before DuckDB sees them; it was not faster here (load faster in two runs of
three, \`GROUP BY\` slower in every run); and Framework's \`DuckDBClient\` pins 1.29.0, so switching
means loading and seeding DuckDB-WASM ourselves, too risky for this change. Measure again on a quiet
machine before deciding otherwise.
`;
