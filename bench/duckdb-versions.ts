/**
 * DuckDB-WASM's version against another, by hand (the bench runs only the
 * version the page ships): what each reads itself, and how fast it loads and
 * groups a million-row CSV. Each runs in Node through its own blocking build
 * (the page's WebAssembly, `eh`), one after the other, on a file this script
 * writes. The other version is installed outside the project:
 *
 *   npm install --prefix /tmp/duck @duckdb/duckdb-wasm@1.32.0
 *   tsx bench/duckdb-versions.ts /tmp/duck/node_modules/@duckdb/duckdb-wasm
 *
 * Prints a Markdown table, for docs/performance.md (bench/duckdb-evaluation.ts).
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {projectRoot} from "../test/helpers/site.js";

const require = createRequire(import.meta.url);

interface Connection {
  query(sql: string): {toArray(): {toJSON(): Record<string, unknown>}[]};
}
interface Database {
  instantiate(progress?: () => void): Promise<void>;
  connect(): Connection;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
}

async function open(packageDir: string): Promise<{version: string; db: Database}> {
  const dist = join(packageDir, "dist");
  const duckdb = require(join(dist, "duckdb-node-blocking.cjs"));
  const bundles = {
    mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs")}
  };
  const db: Database = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => undefined);
  const {version} = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {version: string};
  return {version, db};
}

/** The answer, or what DuckDB said, in a line. */
function attempt(conn: Connection, sql: string, show: (rows: Record<string, unknown>[]) => string): string {
  console.error(`  ${sql}`);
  try {
    return `read (${show(conn.query(sql).toArray().map((row) => row.toJSON()))})`;
  } catch (error) {
    return `refused: ${String(error instanceof Error ? error.message : error).split("\n")[0]!.slice(0, 80)}`;
  }
}

function timed(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

/** id, a group of 100, a number with two decimals and an ISO date: about 30 bytes a row. */
function millionRows(): Uint8Array {
  const lines = ["id,grp,value,day"];
  let seed = 0x5eed;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 1_000_000; ++i) {
    const day = new Date(Date.UTC(2011, 3, 1) + Math.floor(random() * 1460) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${i},g${Math.floor(random() * 100)},${(random() * 1000).toFixed(2)},${day}`);
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

async function measure(packageDir: string, csv: Uint8Array): Promise<{version: string; cells: string[]}> {
  const {version, db} = await open(packageDir);
  const conn = db.connect();
  // Offline: an extension DuckDB would fetch from extensions.duckdb.org is refused at once, not awaited.
  for (const setting of ["autoinstall_known_extensions", "autoload_known_extensions"]) {
    try {
      conn.query(`SET ${setting} = false`);
    } catch {
      // an older DuckDB without the setting
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "duckdb-versions-"));
  try {
    // Latin-1 "£ café", a European number, suppression marks.
    db.registerFileBuffer("latin1.csv", Uint8Array.from([...new TextEncoder().encode("name\n")].concat([0xa3, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])));
    db.registerFileBuffer("european.csv", new TextEncoder().encode('n;x\n"1.234";11,5\n'));
    db.registerFileBuffer("marks.csv", new TextEncoder().encode("n\n1\n*\n..\n4\n"));
    db.registerFileBuffer("nested.json", new TextEncoder().encode('[{"trust": {"name": "Southern Health"}, "deaths": [1, 2]}]'));
    db.registerFileBuffer("bench.csv", csv);
    const cells = [
      attempt(conn, "SELECT name FROM read_csv('latin1.csv', encoding = 'latin-1')", (rows) => `“${String(rows[0]?.name)}”`),
      attempt(conn, "SELECT n, x FROM read_csv('european.csv', delim = ';', thousands = '.', decimal_separator = ',')", (rows) => `“1.234” → ${String(rows[0]?.n)}, “11,5” → ${String(rows[0]?.x)}`),
      attempt(conn, "SELECT count(n)::INTEGER AS c FROM read_csv('marks.csv', nullstr = ['*', '..'])", (rows) => `${String(rows[0]?.c)} of 4 counted`),
      attempt(conn, "SELECT t.trust.name AS name FROM read_json('nested.json') AS t", (rows) => `“${String(rows[0]?.name)}”`),
      [0, 1, 2].map((i) => `${(timed(() => conn.query(`CREATE OR REPLACE TABLE bench_${i} AS SELECT * FROM read_csv('bench.csv')`)) / 1000).toFixed(2)} s`).join(", "),
      [0, 1, 2, 3, 4].map(() => `${Math.round(timed(() => conn.query("SELECT grp, count(*) AS n, avg(value) AS mean, max(day) AS last_day FROM bench_0 GROUP BY grp ORDER BY grp")))} ms`).join(", ")
    ];
    return {version, cells};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const other = process.argv[2];
if (!other) throw new Error("usage: tsx bench/duckdb-versions.ts <the other @duckdb/duckdb-wasm package folder>");
const csv = millionRows();
writeFileSync(join(tmpdir(), "duckdb-versions.csv"), csv);
const shipped = await measure(join(projectRoot, "node_modules/@duckdb/duckdb-wasm"), csv);
const tried = await measure(other, csv);
const rows = [
  "`read_csv(…, encoding = 'latin-1')`",
  "`thousands = '.'`, `decimal_separator = ','`",
  "`nullstr = ['*', '..']`",
  "`read_json` of nested JSON (`t.trust.name`)",
  `${(csv.length / 2 ** 20).toFixed(1)} MB, 1,000,000-row CSV into a table, 3 runs`,
  "`GROUP BY` over it, 5 runs"
];
console.log(`| | ${shipped.version} | ${tried.version} |\n| --- | --- | --- |`);
rows.forEach((row, i) => console.log(`| ${row} | ${shipped.cells[i]} | ${tried.cells[i]} |`));
