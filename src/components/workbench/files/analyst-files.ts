/**
 * The analyst's own files as tables beside the fact base: each file opened
 * is read (file-readers.ts), handed to the workbench's DuckDB as Arrow
 * columns, kept in the browser's storage (file-store.ts) and reopened after a
 * reload. Nothing here sends a file anywhere: every step runs in the page.
 *
 * A file is loaded under a temporary name and renamed only once all of it is
 * in, so a file that fails half-way leaves no half table behind, and a file
 * opened again (or with a column's type changed) replaces its table only
 * when the new one is complete. Files are loaded one at a time.
 */
import type {QueryRunner} from "../duckdb-runner.js";
import {FileError, readArrow, readCsv, readExcel, readJson, readParquet, sheetNames, type Arrow, type Hyparquet, type ReadResult, type ReaderDatabase, type TypeOverrides} from "./file-readers.js";
import {MAX_BYTES, adviceFor, formatOf} from "./file-formats.js";
import {applyColumnType, readWrittenNumbers, tableColumns} from "./column-types.js";
import type {ReadChoices} from "./csv-text.js";
import type {ReadXlsx} from "./excel-reader.js";
import type {TextEncoding} from "./text-encodings.js";
import type {FileStore, StoredFile} from "./file-store.js";
import {freeTableName, quoteIdentifier, quoteString, tableNameForFile} from "../sql-identifiers.js";
import type {Compressors} from "hyparquet";

/** The types an analyst can give a column instead of the one detected. */
export const COLUMN_TYPES = ["VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP"] as const;

/** A table just opened from a file, with a note for the analyst when the browser would not keep the file. */
export type OpenedTable = AnalystTable & {persistNote?: string};

export interface AnalystTable extends StoredFile {
  rows: number;
  columns: {name: string; type: string}[];
  /** What reading the file decided, for the analyst to see: encoding, lines left out, numbers and marks. */
  notes: string[];
  /** For text files and sheets: the encoding used and the header's line, which the analyst can change. */
  text?: {encoding: TextEncoding; detectedEncoding: TextEncoding; headerLine: number};
}

/** What to do with a file whose table name is taken by an earlier file. */
export type Clash = "replace" | "keep";

export interface Progress {
  fileName: string;
  /** Fraction loaded, or null while it cannot be told. */
  fraction: number | null;
}

export interface AnalystFilesOptions {
  runner: QueryRunner;
  store: FileStore;
  /** A DuckDB for reading CSV, separate from the locked one analysts query; opened on first use. */
  openReader: () => Promise<{_db: ReaderDatabase}>;
  arrow: () => Promise<Arrow>;
  parquet: () => Promise<{hyparquet: Hyparquet; compressors?: Compressors}>;
  /** The .xlsx reader, loaded when a workbook is opened. */
  excel?: () => Promise<ReadXlsx>;
  /** Asks the analyst whether a file replaces the table an earlier file made, or is kept beside it; keeps both without it. */
  onClash?: (fileName: string, table: string, earlier: string) => Promise<Clash>;
  /** Names the fact base has taken. */
  reserved: (name: string) => boolean;
  onProgress: (progress: Progress | null) => void;
}

const MB = 2 ** 20;

function sizeText(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / MB))} MB`;
}

/** Whether an error means the tab ran out of memory (the browser's words, or DuckDB's). */
function outOfMemory(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /out of memory|Array buffer allocation failed|Invalid (typed )?array length|Maximum call stack|memory access out of bounds|could not allocate/i.test(message);
}

export class AnalystFiles {
  readonly tables = new Map<string, AnalystTable>();
  private queue: Promise<unknown> = Promise.resolve();
  private reader: Promise<{_db: ReaderDatabase}> | null = null;
  /** Loads queued or running. */
  private waiting = 0;

  constructor(private readonly options: AnalystFilesOptions) {
    // A stuck query makes the runner start a fresh database, with only the fact base in it.
    options.runner.onRestart(() => void this.reloadAll());
  }

  /**
   * Starts the CSV reader ahead of need. Starting a DuckDB takes one to two
   * seconds, which would otherwise come on top of reading the first file.
   */
  warm(): Promise<{_db: ReaderDatabase}> {
    this.reader ??= this.options.openReader();
    return this.reader;
  }

  /** Runs one load after another: two files dropped together load in turn. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    ++this.waiting;
    const next = this.queue.then(task, task).finally(() => {
      if (--this.waiting === 0) this.closeReader();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Once no load waits, the CSV reader is closed: its DuckDB grew to read the file, and a tab gives
   * that memory back only when the reader's worker ends (a million-row file left it holding a few
   * hundred MB). The next CSV starts a reader again, one to two seconds on top of reading it.
   */
  private closeReader(): void {
    const reader = this.reader;
    this.reader = null;
    void reader?.then((client) => client._db.terminate()).catch(() => undefined);
  }

  /** Opens a file the analyst picked or dropped as a table named after it (a workbook: one per sheet), and keeps it. */
  open(file: File): Promise<OpenedTable[]> {
    return this.serial(async () => {
      const format = formatOf(file.name);
      if (!format) throw new FileError(file.name, adviceFor(file.name) ?? "this kind of file cannot be opened here: open CSV, TSV, JSON, Arrow, Parquet or Excel (.xlsx).");
      if (file.size === 0) throw new FileError(file.name, "this file is empty: it has no lines, so no table was made.");
      const base = tableNameForFile(file.name);
      const sheets = format === "xlsx" ? await sheetNames(await this.excel(file.name), file, file.name) : [undefined];
      if (!sheets.length) throw new FileError(file.name, "every sheet of this workbook is empty, so no table was made.");
      const loaded: OpenedTable[] = [];
      for (const sheet of sheets) {
        const wanted = sheet === undefined || sheets.length === 1 ? base : `${base}_${tableNameForFile(sheet).replace(/^t_/, "")}`;
        const table = await this.nameFor(wanted, file.name);
        const entry: StoredFile = {table, fileName: file.name, format, bytes: file.size, overrides: {}, ...(sheet === undefined ? {} : {sheet})};
        const result = await this.load(entry, file);
        try {
          await this.options.store.save(entry, file);
        } catch (error) {
          result.persistNote = `Kept for this session only: the browser would not store it (${error instanceof Error ? error.message : String(error)}).`;
        }
        loaded.push(result);
      }
      return loaded;
    });
  }

  /**
   * The table name a file gets: the fact base's names are never taken (an
   * analyst's `events.csv` becomes `events_2`); a name an earlier file took
   * is replaced or kept beside, as the analyst says.
   */
  private async nameFor(wanted: string, fileName: string): Promise<string> {
    const {reserved, onClash} = this.options;
    const taken = (name: string) => reserved(name) || this.tables.has(name);
    const earlier = this.tables.get(wanted);
    if (earlier && !reserved(wanted) && (onClash ? await onClash(fileName, wanted, earlier.fileName) : "keep") === "replace") return wanted;
    return freeTableName(wanted, taken);
  }

  private excel(fileName: string): Promise<ReadXlsx> {
    if (!this.options.excel) throw new FileError(fileName, "this page cannot read Excel workbooks: save it as “CSV UTF-8” and open that.");
    return this.options.excel();
  }

  /**
   * Stored files not open again yet, by table: each settles when its table is
   * in (or could not be made). A query that reads one waits for it; the rest
   * of the page does not.
   */
  readonly restoring = new Map<string, {fileName: string; ready: Promise<AnalystTable>}>();

  /**
   * Opens every stored file again (after a reload), one after another in the
   * background; a file that fails is reported, the others still open.
   * `listed` settles once `restoring` names every stored table (so a query can
   * tell it must wait), `onOpened` hears of each table as soon as it is in,
   * and `done` settles once each has, with what opened and what failed.
   */
  restore(onOpened: (table: AnalystTable) => void = () => undefined): {listed: Promise<void>; done: Promise<{tables: AnalystTable[]; errors: FileError[]}>} {
    const entries = this.options.store.list();
    const pending = entries.then((list) =>
      list.map((entry) => {
        const ready = this.serial(async () => {
          try {
            return await this.load(entry, await this.options.store.open(entry.table));
          } catch (error) {
            throw error instanceof FileError ? error : new FileError(entry.fileName, String(error));
          }
        });
        this.restoring.set(entry.table, {fileName: entry.fileName, ready});
        return ready.then((table) => (onOpened(table), table)).finally(() => this.restoring.delete(entry.table));
      })
    );
    const done = pending.then(async (loads) => {
      const tables: AnalystTable[] = [];
      const errors: FileError[] = [];
      for (const settled of await Promise.allSettled(loads)) {
        if (settled.status === "fulfilled") tables.push(settled.value);
        else errors.push(settled.reason);
      }
      return {tables, errors};
    });
    return {listed: pending.then(() => undefined), done};
  }

  private async reloadAll(): Promise<void> {
    const entries = [...this.tables.values()];
    this.tables.clear();
    for (const entry of entries) await this.serial(async () => this.load(entry, await this.options.store.open(entry.table))).catch(() => undefined);
  }

  /** Drops the table and deletes the stored file. */
  remove(table: string): Promise<void> {
    return this.serial(async () => {
      await this.options.runner.inspect(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      this.tables.delete(table);
      await this.options.store.remove(table);
    });
  }

  /** Reads the file again with a column's type set by the analyst (or, with null, detected again). */
  setType(table: string, column: string, type: string | null): Promise<AnalystTable> {
    return this.serial(async () => {
      const current = this.tables.get(table);
      if (!current) throw new Error(`No table ${table} was opened from a file.`);
      if (type !== null && !COLUMN_TYPES.some((known) => known === type)) throw new Error(`Not a type a column can be given here: ${type}`);
      const overrides: TypeOverrides = {...current.overrides};
      if (type === null) delete overrides[column];
      else overrides[column] = type;
      return this.reload(current, {overrides});
    });
  }

  /** Reads the file again with another encoding or header line (undefined: the detected one). */
  setReading(table: string, choices: ReadChoices): Promise<AnalystTable> {
    return this.serial(async () => {
      const current = this.tables.get(table);
      if (!current) throw new Error(`No table ${table} was opened from a file.`);
      const {encoding, headerLine} = {...current.choices, ...choices};
      const merged: ReadChoices = {...(encoding === undefined ? {} : {encoding}), ...(headerLine === undefined ? {} : {headerLine})};
      return this.reload(current, {choices: merged});
    });
  }

  private async reload(current: AnalystTable, change: Partial<StoredFile>): Promise<AnalystTable> {
    const {table, fileName, format, bytes, overrides, choices, sheet} = current;
    const entry: StoredFile = {table, fileName, format, bytes, overrides, ...(choices ? {choices} : {}), ...(sheet === undefined ? {} : {sheet}), ...change};
    const loaded = await this.load(entry, await this.options.store.open(table));
    await this.options.store.update(entry).catch(() => undefined);
    return loaded;
  }

  private async read(entry: StoredFile, file: File, onProgress: (fraction: number | null) => void): Promise<ReadResult> {
    const options = {file, format: entry.format, overrides: entry.overrides, choices: entry.choices, sheet: entry.sheet, onProgress};
    const Arrow = await this.options.arrow();
    switch (entry.format) {
      case "csv":
      case "tsv":
        return readCsv(Arrow, (await this.warm())._db, options);
      case "json":
        return readJson(Arrow, options);
      case "arrow":
        return readArrow(Arrow, options);
      case "parquet": {
        const {hyparquet, compressors} = await this.options.parquet();
        return readParquet(Arrow, hyparquet, compressors, options);
      }
      case "xlsx":
        return readExcel(Arrow, await this.excel(entry.fileName), options);
    }
  }

  private async load(entry: StoredFile, stored: File): Promise<OpenedTable> {
    const {runner, onProgress} = this.options;
    // The stored copy has a name of the store's own: every message names the analyst's file.
    const file = stored.name === entry.fileName ? stored : new File([stored], entry.fileName, {type: stored.type});
    if (file.size > MAX_BYTES[entry.format]) {
      throw new FileError(
        entry.fileName,
        `at ${sizeText(file.size)} this file is too big for a browser tab (this page opens ${entry.format.toUpperCase()} files up to ${sizeText(MAX_BYTES[entry.format])}). Filter or aggregate it first, or query it with DuckDB on your computer or a server: see the analysts' guide.`
      );
    }
    const staging = `__loading_${entry.table}`;
    const report = (fraction: number | null) => onProgress({fileName: entry.fileName, fraction});
    report(0);
    try {
      await runner.inspect(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`);
      const {chunks, casts, notes: readNotes = [], text, numberStyle = "point"} = await this.read(entry, file, report);
      let first = true;
      for await (const chunk of chunks) {
        await runner.insertArrow(staging, chunk, first);
        first = false;
      }
      if (first) throw new FileError(entry.fileName, "no columns could be read from this file.");
      const inspect = (sql: string) => runner.inspect(sql);
      const notes = [...readNotes];
      let columns = await tableColumns(inspect, staging);
      for (const [column, type] of Object.entries(casts)) {
        const current = columns.find((c) => c.name === column);
        if (current) notes.push(...(await applyColumnType(inspect, entry.fileName, staging, current, type, numberStyle)));
      }
      columns = await tableColumns(inspect, staging);
      notes.push(...(await readWrittenNumbers(inspect, staging, columns, numberStyle, new Set(Object.keys(casts)))));
      await runner.inspect(`DROP TABLE IF EXISTS ${quoteIdentifier(entry.table)}`);
      await runner.inspect(`ALTER TABLE ${quoteIdentifier(staging)} RENAME TO ${quoteIdentifier(entry.table)}`);
      const described = await runner.inspect(
        `SELECT column_name, data_type, (SELECT count(*) FROM ${quoteIdentifier(entry.table)})::BIGINT AS n FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ${quoteString(entry.table)} ORDER BY ordinal_position`
      );
      const table: AnalystTable = {
        ...entry,
        rows: Number(described.rows[0]?.[2] ?? 0),
        columns: described.rows.map(([name, type]) => ({name: String(name), type: String(type)})),
        notes,
        ...(text ? {text} : {})
      };
      this.tables.set(entry.table, table);
      return table;
    } catch (error) {
      await runner.inspect(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`).catch(() => undefined);
      if (outOfMemory(error)) {
        throw new FileError(entry.fileName, `this file (${sizeText(file.size)}) is too big for the memory of this browser tab. The tables already open still work. Filter or aggregate it first, or query it with DuckDB outside the browser: see the analysts' guide.`);
      }
      if (error instanceof FileError) throw error;
      throw new FileError(entry.fileName, (error instanceof Error ? error.message : String(error)).replace(/^Error:\s*/, "").replaceAll(staging, entry.table));
    } finally {
      onProgress(null);
    }
  }
}
