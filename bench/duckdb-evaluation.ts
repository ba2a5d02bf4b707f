/**
 * DuckDB-WASM 1.32.0 against the 1.29.0 the page ships, measured by hand with
 * bench/duckdb-versions.ts (not by the bench: another version is not installed
 * in the project). Kept here so that docs/performance.md keeps it when the
 * bench rewrites the page.
 */
export const DUCKDB_EVALUATION = `## DuckDB-WASM: 1.29.0 kept, 1.32.0 measured

Measured on 2026-12-04 by \`bench/duckdb-versions.ts\` (each version's Node bindings, the same
WebAssembly, \`eh\` build, one after the other) on a quiet machine (1-minute load average 1.7 on 2
cores), on a 1,000,000-row CSV the script writes (27.4 MB). An earlier run, on 2026-12-03 while
others were building (load average 31), was too noisy to compare speeds.

| | 1.29.0 (DuckDB 1.1.1) | 1.32.0 (DuckDB 1.4.3) |
| --- | --- | --- |
| \`read_csv(…, encoding = 'latin-1')\` | refused: no such option | read (“£ café”) |
| \`thousands = '.'\`, \`decimal_separator = ','\` | refused: no such option | read (“1.234” → 1234, “11,5” → 11.5) |
| \`nullstr = ['*', '..']\` | read (2 of 4 counted) | read (2 of 4 counted) |
| \`read_json\` of nested JSON (\`t.trust.name\`) | refused: the json extension is fetched from extensions.duckdb.org, not offline | the same |
| 1,000,000-row CSV into a table, 3 runs | 0.54 s, 0.31 s, 0.27 s | 0.55 s, 0.31 s, 0.29 s |
| \`GROUP BY\` over it, 5 runs | 44, 27, 27, 26, 26 ms | 52, 27, 27, 26, 26 ms |

1.29.0 is kept. The newer version reads encodings and local number formats itself, but the page
already reads those before DuckDB sees them (and tells the analyst what it did); it is no faster,
loading or grouping; neither reads nested JSON offline, which the page reads itself; and
Framework's \`DuckDBClient\` pins 1.29.0, so switching means loading and seeding DuckDB-WASM
ourselves for no measured gain.
`;
