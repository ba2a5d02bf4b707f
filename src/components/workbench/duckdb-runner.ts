/**
 * Runs an analyst's queries in DuckDB-WASM, one at a time, on one connection,
 * and hands back every row converted for display (see sql-values.ts).
 *
 * - Cancelling answers at once: the run rejects with QueryCancelled while
 *   DuckDB is asked to stop (connection.cancelSent()). If the worker is stuck
 *   in a step it cannot interrupt, it is terminated after a grace period and a
 *   fresh database is opened, so the page keeps working either way.
 * - Once the tables are loaded the database is locked against reaching
 *   outside the page (no reading URLs or files, no extension downloads, no
 *   COPY … TO): a query opened from someone else's link cannot make the
 *   reader's browser call another host.
 * - An analyst's own files reach the locked database as Arrow columns
 *   (insertArrow), which the lock does not forbid, because DuckDB's readers,
 *   which it does, never see them here: see analyst-files.ts.
 */
import {cellAt, columnKind, sqlTypeName, type ArrowTypeLike, type Cell, type ResultColumn, type VectorLike} from "./sql-values.js";

interface FieldLike {
  name: string;
  type: ArrowTypeLike;
}
interface RecordBatchLike {
  numRows: number;
  schema: {fields: FieldLike[]};
  getChildAt(index: number): VectorLike | null;
}
interface ReaderLike extends AsyncIterable<RecordBatchLike> {
  schema?: {fields: FieldLike[]};
}
interface ConnectionLike {
  send(sql: string): Promise<ReaderLike>;
  cancelSent(): Promise<boolean>;
  close(): Promise<void>;
  /** DuckDB's own parser: the tables a query names. Optional so that test doubles need not have it. */
  getTableNames?(sql: string): Promise<string[]>;
  /** DuckDB-WASM's Arrow insert; optional so that test doubles need not have it. */
  insertArrowFromIPCStream?(buffer: Uint8Array, options: {name: string; schema?: string; create?: boolean}): Promise<void>;
}
interface AsyncDuckDBLike {
  connect(): Promise<ConnectionLike>;
  terminate(): Promise<void>;
}
/** Framework's DuckDBClient, of which only the AsyncDuckDB instance is used. */
export interface DuckDBClientLike {
  _db: AsyncDuckDBLike;
}

export class QueryCancelled extends Error {
  constructor(readonly restarted = false) {
    super("The query was cancelled.");
    this.name = "QueryCancelled";
  }
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: Cell[][];
  /** True when the result had more rows than are kept (maxRows). */
  capped: boolean;
  /** From sending the query to the last row converted. */
  elapsedMs: number;
}

export interface RunnerOptions {
  /** Rows kept in memory at most; a result past this is cut off and says so. */
  maxRows?: number;
  /** How long DuckDB gets to honour a cancel before its worker is replaced. */
  cancelGraceMs?: number;
}

export interface QueryRunner {
  /** Resolves with the time the database took to start and load its tables. */
  ready: Promise<number>;
  run(sql: string): Promise<QueryResult>;
  cancel(): void;
  /** DuckDB's type of every column of every table, keyed "table.column". */
  describe(): Promise<Map<string, string>>;
  /**
   * Runs the workbench's own SQL (facet counts, renaming a loaded table) on a
   * connection of its own, so that it neither waits for nor cancels the
   * analyst's query.
   */
  inspect(sql: string): Promise<Omit<QueryResult, "elapsedMs">>;
  /**
   * The tables a query reads, as DuckDB's parser finds them (lower case,
   * without a schema): not words inside strings or quoted column names, not
   * names the query defines itself. Rejects when DuckDB cannot parse it.
   */
  tablesIn(sql: string): Promise<string[]>;
  /** Adds Arrow IPC bytes to a table (creating it when `create`). */
  insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
  /** Called after a stuck query forced a fresh database, which has only the fact base in it. */
  onRestart(listener: () => void): void;
}

// Applied once the tables are in: they are what every analyst query needs, and nothing else is.
const LOCKDOWN = ["SET enable_external_access = false", "SET lock_configuration = true"];

interface Session {
  db: AsyncDuckDBLike;
  conn: ConnectionLike;
}

async function collect(reader: ReaderLike, maxRows: number, stopped: () => boolean): Promise<Omit<QueryResult, "elapsedMs">> {
  // The reader learns the schema from the stream, so it is read from the first batch (or, with none, afterwards).
  let fields: FieldLike[] | null = null;
  const rows: Cell[][] = [];
  let capped = false;
  for await (const batch of reader) {
    if (stopped()) break;
    fields ??= batch.schema.fields;
    const vectors = fields.map((field, i) => ({field, vector: batch.getChildAt(i)}));
    for (let r = 0; r < batch.numRows; ++r) {
      if (rows.length >= maxRows) {
        capped = true;
        break;
      }
      rows.push(vectors.map(({field, vector}) => (vector ? cellAt(vector, r, field.type) : null)));
    }
    if (capped) break;
  }
  fields ??= reader.schema?.fields ?? [];
  const columns = fields.map((f) => ({name: f.name, kind: columnKind(f.type), typeName: sqlTypeName(f.type)}));
  return {columns, rows, capped};
}

export function createRunner(open: () => Promise<DuckDBClientLike>, {maxRows = 1_000_000, cancelGraceMs = 3000}: RunnerOptions = {}): QueryRunner {
  async function start(): Promise<Session> {
    const client = await open();
    const db = client._db;
    const setup = await db.connect();
    try {
      for (const statement of LOCKDOWN) for await (const _ of await setup.send(statement));
    } finally {
      await setup.close();
    }
    return {db, conn: await db.connect()};
  }

  const began = performance.now();
  let session = start();
  const ready = session.then(() => performance.now() - began);
  // Settles when the connection has no query in flight; the next query waits for it.
  let idle: Promise<unknown> = session.catch(() => undefined);
  let current: {cancelled: boolean; abort: (reason: Error) => void; idle: Promise<unknown>} | null = null;

  // Frees whoever waits on the query in flight; restart() calls it, as a stuck query never settles.
  let releaseIdle: () => void = () => undefined;

  const restartListeners: (() => void)[] = [];

  function restart(): void {
    const stuck = session;
    session = start();
    session.then(() => restartListeners.forEach((listener) => listener())).catch(() => undefined);
    releaseIdle();
    stuck.then((s) => s.db.terminate()).catch(() => undefined);
  }

  function cancel(): void {
    const run = current;
    if (!run) return;
    current = null;
    run.cancelled = true;
    run.abort(new QueryCancelled());
    session.then((s) => s.conn.cancelSent()).catch(() => undefined);
    const timer = setTimeout(restart, cancelGraceMs);
    run.idle.then(() => clearTimeout(timer));
  }

  async function run(sql: string): Promise<QueryResult> {
    cancel();
    let abort!: (reason: Error) => void;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    aborted.catch(() => undefined);
    const me = {cancelled: false, abort, idle: Promise.resolve() as Promise<unknown>};
    current = me;
    try {
      // A query cancelled while it waits for the previous one (or for the database to start) is never sent.
      const {conn} = await Promise.race([idle.then(() => session), aborted]);
      const started = performance.now();
      const inflight = conn.send(sql).then((reader) => collect(reader, maxRows, () => me.cancelled));
      me.idle = idle = new Promise<void>((resolve) => {
        releaseIdle = resolve;
        inflight.then(
          () => resolve(),
          () => resolve()
        );
      });
      const result = await Promise.race([inflight, aborted]);
      return {...result, elapsedMs: performance.now() - started};
    } catch (error) {
      if (me.cancelled) throw error instanceof QueryCancelled ? error : new QueryCancelled();
      throw error;
    } finally {
      if (current === me) current = null;
    }
  }

  /** A connection of its own for the workbench's SQL; closed whatever happens. */
  async function withConnection<T>(use: (conn: ConnectionLike) => Promise<T>): Promise<T> {
    const {db} = await session;
    const conn = await db.connect();
    try {
      return await use(conn);
    } finally {
      await conn.close();
    }
  }

  function inspect(sql: string): Promise<Omit<QueryResult, "elapsedMs">> {
    return withConnection(async (conn) => collect(await conn.send(sql), Infinity, () => false));
  }

  async function describe(): Promise<Map<string, string>> {
    const {rows} = await inspect("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
    return new Map(rows.map(([table, column, type]) => [`${table}.${column}`, String(type)]));
  }

  function tablesIn(sql: string): Promise<string[]> {
    return withConnection(async (conn) => {
      if (!conn.getTableNames) throw new Error("This DuckDB cannot parse a query without running it.");
      // DuckDB gives a name as the query wrote it ("Deaths"); table names ignore case.
      return [...new Set((await conn.getTableNames(sql)).map((name) => name.toLowerCase()))];
    });
  }

  function insertArrow(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
    return withConnection(async (conn) => {
      if (!conn.insertArrowFromIPCStream) throw new Error("This DuckDB cannot take Arrow data.");
      await conn.insertArrowFromIPCStream(ipc, {name: table, schema: "main", create});
    });
  }

  return {ready, run, cancel, describe, inspect, tablesIn, insertArrow, onRestart: (listener) => void restartListeners.push(listener)};
}
