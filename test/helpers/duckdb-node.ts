/**
 * The DuckDB the SQL page ships (DuckDB-WASM 1.29.0, DuckDB 1.1.1), run in
 * Node by its own blocking build, behind the two interfaces the page's file
 * code talks to: the analysts' database (a QueryRunner's inspect and
 * insertArrow) and the separate reader that runs read_csv. So the unit tests
 * read files through the same engine, version and SQL as the page.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import {createRequire} from "node:module";
import {join} from "node:path";
import * as Arrow from "apache-arrow";
import type {QueryRunner} from "../../src/components/workbench/duckdb-runner.js";
import type {ReaderDatabase} from "../../src/components/workbench/files/file-readers.js";
import {cellAt, columnKind, sqlTypeName, type Cell} from "../../src/components/workbench/sql-values.js";
import {projectRoot} from "./site.js";

const require = createRequire(import.meta.url);
const dist = join(projectRoot, "node_modules/@duckdb/duckdb-wasm/dist");

interface BlockingConnection {
  query(sql: string): Arrow.Table;
  insertArrowFromIPCStream(buffer: Uint8Array, options: {name: string; schema?: string; create?: boolean}): void;
  close(): void;
}
interface BlockingDatabase {
  instantiate(progress?: () => void): Promise<void>;
  connect(): BlockingConnection;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  dropFile(name: string): void;
}

export async function openNodeDuckDB(): Promise<BlockingDatabase> {
  const duckdb = require(join(dist, "duckdb-node-blocking.cjs"));
  const bundles = {
    mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs")}
  };
  const db: BlockingDatabase = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => undefined);
  return db;
}

/** Rows of a query as the workbench converts them (exact BigInts, ISO dates, DECIMALs as numbers). */
export function rowsOf(table: Arrow.Table): Cell[][] {
  const rows: Cell[][] = [];
  const fields = table.schema.fields;
  for (const batch of table.batches) {
    const vectors = fields.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; ++r) rows.push(vectors.map((v, c) => (v ? cellAt(v as never, r, at(fields, c, "fields").type as never) : null)));
  }
  return rows;
}

/** The analysts' database: only what AnalystFiles calls, over one blocking connection. */
export function nodeRunner(db: BlockingDatabase): QueryRunner & {query(sql: string): Cell[][]} {
  const conn = db.connect();
  const inspect = async (sql: string) => {
    const table = conn.query(sql);
    const columns = table.schema.fields.map((f) => ({name: f.name, kind: columnKind(f.type as never), typeName: sqlTypeName(f.type as never)}));
    return {columns, rows: rowsOf(table), capped: false};
  };
  return {
    ready: Promise.resolve(0),
    run: async (sql) => ({...(await inspect(sql)), elapsedMs: 0}),
    cancel: () => undefined,
    describe: async () => new Map(),
    inspect,
    // The blocking build cannot parse without running, and the files' reader never asks.
    tablesIn: () => Promise.reject(new Error("not available in the blocking DuckDB")),
    insertArrow: async (table, ipc, create) => conn.insertArrowFromIPCStream(ipc, {name: table, schema: "main", create}),
    onRestart: () => undefined,
    query: (sql) => rowsOf(conn.query(sql))
  };
}

/** The reader DuckDB: a file handle becomes a buffer (Node has no browser File reader). */
export function nodeReader(db: BlockingDatabase): ReaderDatabase {
  return {
    async registerFileHandle(name, handle) {
      db.registerFileBuffer(name, new Uint8Array(await handle.arrayBuffer()));
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    // The blocking DuckDB is the test's, shared by every reader it opens: there is no worker to end.
    async terminate() {},
    async connect() {
      const conn = db.connect();
      return {
        async send(sql: string) {
          // DuckDB's blocking build answers with apache-arrow's CommonJS copy; the page's code uses the ES module one.
          const table = Arrow.tableFromIPC(require("apache-arrow").tableToIPC(conn.query(sql), "stream"));
          return Object.assign(
            {
              async *[Symbol.asyncIterator]() {
                yield* table.batches;
              }
            },
            {schema: table.schema}
          );
        },
        async close() {
          conn.close();
        }
      };
    }
  };
}
