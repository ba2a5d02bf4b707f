/**
 * The analysts' SQL workbench: example questions, the query box, DuckDB's
 * answer as a sortable table with a quick chart and downloads, and the
 * tables to query. The query lives in the URL (#sql=…): running a query adds
 * a history entry, and Back, Forward or an edited link run the query they
 * carry.
 *
 * Beside the fact base, the analyst's own files (analyst-files.ts) are tables
 * too, opened in "Your files" (file-panel.ts), and any table can be browsed
 * without SQL (table-browser.ts).
 *
 * The root element reports its state for tests and styles:
 * data-state = loading | running | done | error | cancelled, data-runs
 * counts the queries that have finished (in any state), and data-file-loads
 * the files whose opening has finished (opened or refused).
 */
import {at} from "../../lib/story/checked-lookups.js";
import type {TableInfo} from "../../lib/delivery/tables.js";
import {AnalystFiles, COLUMN_TYPES, type AnalystFilesOptions, type AnalystTable} from "./files/analyst-files.js";
import {FilePanel, type ListedFile} from "./files/file-panel.js";
import type {ReadChoices} from "./files/csv-text.js";
import {FileError} from "./files/file-readers.js";
import {openFileStore} from "./files/file-store.js";
import {hashForQuery, queryFromHash, type LinkedFiles} from "./query-url.js";
import {tablesNamed} from "./sql-tables.js";
import {TableBrowser} from "./table-browser.js";
import {CHART_ROWS, chooseChart, markFor, xOptions, yOptions} from "./chart-choice.js";
import {QuickChart} from "./quick-chart.js";
import {QueryCancelled, type QueryResult, type QueryRunner} from "./duckdb-runner.js";
import {queryRuns} from "./query-runs.js";
import {ResultTable} from "./result-table.js";
import {SchemaBrowser} from "./schema-browser.js";
import {SqlEditor, errorMessage} from "./sql-editor.js";
import type {SqlExample} from "./sql-examples.js";
import {resultToCsv, resultToJson} from "./sql-export.js";
import type {Cell} from "./sql-values.js";
import {downloadBlob} from "../download.js";
import {element} from "../dom.js";

export interface WorkbenchOptions {
  catalog: TableInfo[];
  runner: QueryRunner;
  examples: SqlExample[];
  /** Rows the table shows at most. */
  rowLimit?: number;
  /** Resolves when Framework discards the cell, to remove the window listeners. */
  invalidation?: Promise<unknown>;
  /** How to read analysts' files (the libraries, loaded on first use); without it, no files can be opened. */
  fileReaders?: Pick<AnalystFilesOptions, "openReader" | "arrow" | "parquet" | "excel">;
}

const COUNT = new Intl.NumberFormat("en-GB");

function plural(n: number, word: string): string {
  return `${COUNT.format(n)} ${word}${n === 1 ? "" : "s"}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function download(filename: string, type: string, text: string): void {
  downloadBlob(new Blob([text], {type}), filename);
}

export function SqlWorkbench({catalog, runner, examples, rowLimit = 1000, invalidation, fileReaders}: WorkbenchOptions): HTMLElement {
  const root = element("div", "sql-workbench");
  root.dataset.state = "loading";
  root.dataset.runs = "0";
  root.dataset.fileLoads = "0";
  const main = element("div", "sql-main");
  const defaultSql = examples[0]?.sql ?? "SELECT 42 AS answer";

  // ---- Example questions ----
  const exampleSection = element("section", "sql-examples");
  exampleSection.setAttribute("aria-labelledby", "sql-examples-heading");
  const exampleHeading = element("h2", "", "Example questions");
  exampleHeading.id = "sql-examples-heading";
  const exampleList = element("ul", "sql-example-list");
  for (const example of examples) {
    const item = element("li");
    const button = element("button", "sql-example", example.question);
    button.type = "button";
    button.dataset.example = example.id;
    button.addEventListener("click", () => submit(example.sql));
    item.append(button);
    exampleList.append(item);
  }
  exampleSection.append(exampleHeading, exampleList);

  // ---- Editor, status and result ----
  const runs = queryRuns(() => runner.cancel());
  const editor = SqlEditor({onRun: (sql) => submit(sql), onCancel: () => runs.cancel()});
  const status = element("p", "sql-status", "Starting DuckDB…");
  status.setAttribute("role", "status");
  const resultArea = element("section", "sql-output");
  resultArea.setAttribute("aria-label", "Result");
  // A query's result and its row counts are the data itself, not the notebook's claims.
  status.dataset.queryResult = "";
  resultArea.dataset.queryResult = "";
  const browser = TableBrowser({runner, onSql: (sql) => submit(sql)});
  main.append(exampleSection, browser.node, editor.node, status, resultArea);

  const factTables = new Set(catalog.map((t) => t.name));
  const schema = SchemaBrowser(catalog, {
    onQueryTable: (sql) => submit(sql),
    onBrowseTable: (table) => void browseTable(table),
    columnTypes: COLUMN_TYPES,
    onChangeType: (table, column, type) => void changeType(table, column, type)
  });
  root.append(main, schema.node);

  async function browseTable(table: string): Promise<void> {
    const types = await runner.describe().catch(() => new Map<string, string>());
    const columns = [...types].filter(([key]) => key.startsWith(`${table}.`)).map(([key, type]) => ({name: key.slice(table.length + 1), type}));
    await browser.browse(table, columns);
  }

  // ---- The analyst's own files ----
  let files: AnalystFiles | null = null;
  let panel: ReturnType<typeof FilePanel> | null = null;
  function fileFinished(): void {
    root.dataset.fileLoads = String(Number(root.dataset.fileLoads) + 1);
  }
  /** The analyst's files, once the file store is open: only its panel and its tables call for them. */
  function analystFiles(): AnalystFiles {
    if (!files) throw new Error("the analyst's files are not open yet");
    return files;
  }
  function filePanel(): ReturnType<typeof FilePanel> {
    if (!panel) throw new Error("the file panel is not shown yet");
    return panel;
  }
  function listFiles(): void {
    const opened = files;
    if (!opened) return void panel?.setFiles([]);
    const open: ListedFile[] = [...opened.tables.values()].map((t) => ({table: t.table, fileName: t.fileName, rows: t.rows, notes: t.notes, text: t.text, textFile: t.format === "csv" || t.format === "tsv"}));
    const opening: ListedFile[] = [...opened.restoring].filter(([table]) => !opened.tables.has(table)).map(([table, {fileName}]) => ({table, fileName, rows: null}));
    panel?.setFiles([...open, ...opening]);
  }
  function showTable(table: AnalystTable): void {
    schema.setFileTable({name: table.table, fileName: table.fileName, rows: table.rows, columns: table.columns, overrides: table.overrides});
    listFiles();
  }
  function fileProblem(error: unknown): string {
    return error instanceof FileError ? `Could not open ${error.message}` : `Could not open the file: ${error instanceof Error ? error.message : String(error)}`;
  }
  async function openPicked(picked: File[]): Promise<void> {
    panel?.clearError();
    const problems: string[] = [];
    for (const file of picked) {
      try {
        for (const table of await analystFiles().open(file)) {
          showTable(table);
          if (table.persistNote) panel?.setNote(table.persistNote);
        }
      } catch (error) {
        problems.push(fileProblem(error));
      } finally {
        fileFinished();
      }
    }
    if (problems.length) panel?.showError(problems.join("\n"));
  }
  async function changeType(table: string, column: string, type: string | null): Promise<void> {
    panel?.clearError();
    try {
      showTable(await analystFiles().setType(table, column, type));
    } catch (error) {
      panel?.showError(`${fileProblem(error)}\nThe table keeps its earlier types.`);
      const current = files?.tables.get(table);
      if (current) showTable(current); // puts the select back to the type in force
    } finally {
      fileFinished();
    }
  }
  async function changeReading(table: string, choices: ReadChoices): Promise<void> {
    panel?.clearError();
    try {
      showTable(await analystFiles().setReading(table, choices));
    } catch (error) {
      panel?.showError(`${fileProblem(error)}\nThe table is as it was.`);
    } finally {
      fileFinished();
    }
  }
  async function removeFile(table: string): Promise<void> {
    await files?.remove(table).catch((error) => panel?.showError(String(error)));
    schema.removeTable(table);
    browser.forget(table);
    listFiles();
  }
  let endFirstRun = () => {};
  /** Settles when the first query the page runs (the link's, or the default one) has ended, however it ended. */
  const firstRunEnded = new Promise<void>((resolve) => (endFirstRun = resolve));
  /**
   * Settles when the file panel is up and the stored files are listed (not
   * read): they open again in the background, each shown when it is in, and
   * a query waits only for those it reads.
   */
  const filesReady: Promise<void> = fileReaders
    ? openFileStore().then(async (store) => {
        files = new AnalystFiles({
          runner,
          store,
          ...fileReaders,
          reserved: (name) => factTables.has(name),
          onProgress: (p) => panel?.showProgress(p),
          onClash: (fileName, table, earlier) => filePanel().askClash(fileName, table, earlier)
        });
        panel = FilePanel({
          onFiles: (picked) => void openPicked(picked),
          onRemove: (table) => void removeFile(table),
          onReading: (table, choices) => void changeReading(table, choices),
          dropTarget: root,
          persistent: store.persistent
        });
        main.insertBefore(panel.node, browser.node);
        const restoring = files.restore(showTable);
        restoring.done.then(({errors}) => {
          listFiles();
          if (errors.length) filePanel().showError(errors.map(fileProblem).join("\n"));
        }, (error) => filePanel().showError(fileProblem(error)));
        await restoring.listed;
        listFiles();
        // Without stored files to read, the CSV reader starts in the background once the page's first
        // query has answered and the page is idle: a second DuckDB starting beside the first query (its
        // WebAssembly compiled on the same two cores) held that answer back by about a second.
        void firstRunEnded.then(() => {
          const idle = (callback: () => void) => ("requestIdleCallback" in window ? requestIdleCallback(callback, {timeout: 2000}) : setTimeout(callback, 200));
          idle(() => void analystFiles().warm().then(() => (root.dataset.csvReader = "ready"), () => (root.dataset.csvReader = "failed")));
        });
      })
    : Promise.resolve();

  /**
   * The tables a query reads, by DuckDB's parser. DuckDB names none for some
   * queries without binding them (a join's USING needs the tables' columns);
   * then the analyst's tables the query names token by token (never a word
   * inside a string or a quoted column name).
   */
  async function tablesRead(sql: string): Promise<string[]> {
    const analysts = () => [...(files?.tables.keys() ?? []), ...(files?.restoring.keys() ?? [])];
    return runner.tablesIn(sql).catch(() => tablesNamed(sql, analysts()));
  }

  /** The files the tables a query reads came from, for its link: never a table it only mentions in text. */
  function filesOf(read: string[]): LinkedFiles {
    return Object.fromEntries(read.flatMap((t): [string, string][] => {
      const table = files?.tables.get(t);
      return table ? [[t, table.fileName]] : [];
    }));
  }

  /** Stored files still opening that a query reads, or that the link it came from names. */
  function stillOpening(read: string[], linked?: LinkedFiles): string[] {
    const opening = [...(files?.restoring.keys() ?? [])];
    return [...new Set([...read, ...Object.keys(linked ?? {})])].filter((t) => opening.includes(t));
  }

  let databaseReady = false;
  runner.ready
    .then((ms) => {
      databaseReady = true;
      root.dataset.startupMs = String(Math.round(ms));
      return runner.describe().then((types) => schema.setDatabaseSchema(types));
    })
    // A database that fails to start is reported by the query waiting on it; without
    // DuckDB's types, the schema keeps the catalog's.
    .catch(() => undefined);

  let runCount = 0;
  let lastHash = location.hash;

  function setState(state: string): void {
    root.dataset.state = state;
  }

  /** Runs what the analyst asked for, as a new history entry. */
  function submit(sql: string): void {
    editor.value = sql;
    const hash = hashForQuery(sql);
    if (location.hash !== hash) history.pushState(null, "", hash);
    lastHash = location.hash;
    void execute(sql, undefined, hash);
  }

  /** Runs the query the URL carries (or the default one), without adding history. */
  function restore(): void {
    if (location.hash === lastHash) return; // popstate and hashchange both fire for one step
    lastHash = location.hash;
    load();
  }

  function load(): void {
    const carried = queryFromHash(location.hash);
    if (carried && "error" in carried) {
      editor.showError(carried.error);
      setState("error");
      status.textContent = "No query was run.";
      return;
    }
    const sql = carried ? carried.sql : defaultSql;
    editor.value = sql;
    void execute(sql, carried?.files);
  }

  /** The linked tables that are not open here, each with the file it came from. */
  function missingFiles(linked: LinkedFiles): string[] {
    return Object.entries(linked)
      .filter(([table]) => !factTables.has(table) && !files?.tables.has(table))
      .map(([table, fileName]) => `${table} (from the file “${fileName}”)`);
  }

  /**
   * Runs a query once the stored files it reads are open. `linkHash` is the
   * address submit() gave it: the files its tables came from are added to it
   * once DuckDB has parsed the query (a few milliseconds), before it runs.
   */
  async function execute(sql: string, linked?: LinkedFiles, linkHash?: string): Promise<void> {
    const id = ++runCount;
    const run = runs.begin();
    setState("running");
    editor.setBusy(true);
    editor.clearError();
    status.textContent = databaseReady ? "Running…" : "Loading the database (the first time takes a few seconds), then running the query…";
    try {
      await run.until(filesReady.catch(() => undefined));
      if (id !== runCount) return;
      const read = await run.until(tablesRead(sql));
      if (id !== runCount) return;
      const waitFor = stillOpening(read, linked);
      if (waitFor.length) {
        const restoring = analystFiles().restoring;
        const names = waitFor.map((t) => `${t} (from “${restoring.get(t)?.fileName ?? "a stored file"}”)`).join(", ");
        status.textContent = `Waiting for ${names} to finish opening from this browser's storage; the query runs as soon as ${waitFor.length === 1 ? "it is" : "they are"} in.`;
        await run.until(Promise.allSettled(waitFor.map((t) => restoring.get(t)?.ready)));
        if (id !== runCount) return;
        status.textContent = "Running…";
      }
      const readFiles = filesOf(read);
      if (linkHash !== undefined && location.hash === linkHash && Object.keys(readFiles).length) {
        history.replaceState(null, "", hashForQuery(sql, readFiles));
        lastHash = location.hash;
      }
      const missing = linked ? missingFiles(linked) : [];
      if (missing.length) {
        resultArea.replaceChildren();
        editor.showError(
          `This link's query needs ${missing.length === 1 ? "a table" : "tables"} made from a file that is not open in this browser: ${missing.join(", ")}. Files never travel with a link: ask whoever sent it for the file, open it under “Your files”, and run the query again.`
        );
        status.textContent = "No query was run: a file it needs is missing.";
        setState("error");
        return;
      }
      const result = await run.until(runner.run(sql));
      if (id !== runCount) return;
      render(sql, result, readFiles);
      setState("done");
    } catch (error) {
      if (id !== runCount) return; // superseded by a newer query, which reports for itself
      resultArea.replaceChildren();
      if (error instanceof QueryCancelled) {
        status.textContent = "Query cancelled. The database is ready for the next one.";
        setState("cancelled");
      } else {
        editor.showError(errorMessage(error));
        status.textContent = "The query failed: DuckDB's message is under the query.";
        setState("error");
      }
    } finally {
      if (id === runCount) {
        editor.setBusy(false);
        root.dataset.runs = String(Number(root.dataset.runs) + 1);
      }
      endFirstRun();
    }
  }

  function render(sql: string, result: QueryResult, readFiles: LinkedFiles): void {
    const {columns, rows, capped, elapsedMs} = result;
    status.textContent = `${plural(rows.length, "row")}, ${plural(columns.length, "column")} in ${formatDuration(elapsedMs)}.`;
    const shareUrl = new URL(hashForQuery(sql, readFiles), location.href).href;
    const parts: Node[] = [];
    if (capped) {
      parts.push(
        element(
          "p",
          "sql-capped",
          `The result was cut off at ${COUNT.format(rows.length)} rows, the most this page keeps in memory; the downloads hold those rows. Aggregate or add a LIMIT to see the rest.`
        )
      );
    }
    const actions = element("div", "sql-downloads");
    const csv = element("button", "sql-download-csv", `Download CSV (${plural(rows.length, "row")})`);
    csv.type = "button";
    csv.addEventListener("click", () => download("query-result.csv", "text/csv;charset=utf-8", resultToCsv(columns, rows)));
    const json = element("button", "sql-download-json", "Download JSON");
    json.type = "button";
    json.addEventListener("click", () => download("query-result.json", "application/json", resultToJson(columns, rows)));
    const copy = element("a", "sql-share", "Link to this query");
    copy.href = shareUrl;
    actions.append(csv, json, copy);
    parts.push(actions);

    if (columns.length === 0) {
      parts.push(element("p", "sql-empty", "The statement ran and returned no columns."));
      resultArea.replaceChildren(...parts);
      return;
    }
    const chartPanel = element("section", "sql-chart");
    chartPanel.setAttribute("aria-labelledby", "sql-chart-heading");
    let order: Cell[][] = rows;
    // Set once a chart is drawn; the chart follows the table's sort order.
    let redraw: (() => void) | null = null;
    const table = ResultTable(columns, rows, {
      limit: rowLimit,
      onSort: (indices) => {
        order = indices.map((i) => at(rows, i, "the result"));
        redraw?.();
      }
    });
    parts.push(table, chartPanel);
    resultArea.replaceChildren(...parts);

    // ---- Quick chart ----
    const heading = element("h2", "", "Quick chart");
    heading.id = "sql-chart-heading";
    const choice = chooseChart(columns, rows);
    if (!choice) {
      chartPanel.append(
        heading,
        element("p", "sql-chart-none", yOptions(columns).length ? "Nothing to chart: add a column to set the number against (a label, a date or another number)." : "Nothing to chart: the result has no numeric column.")
      );
      return;
    }
    const controls = element("div", "sql-chart-controls");
    const select = (id: string, label: string, options: number[], selected: number) => {
      const wrapper = element("label", "sql-chart-select");
      wrapper.htmlFor = id;
      wrapper.append(label + " ");
      const input = element("select");
      input.id = id;
      for (const i of options) {
        const option = element("option");
        option.value = String(i);
        option.textContent = at(columns, i, "the result's columns").name;
        option.selected = i === selected;
        input.append(option);
      }
      input.addEventListener("change", drawChart);
      controls.append(wrapper, input);
      return input;
    };
    const xSelect = select("sql-chart-x", "Across (x)", xOptions(columns), choice.x);
    const ySelect = select("sql-chart-y", "Measure (y)", yOptions(columns), choice.y);
    const markNote = element("span", "sql-chart-mark");
    controls.append(markNote);
    const chartHolder = element("div", "sql-chart-body");
    chartPanel.append(heading, controls, chartHolder);

    function drawChart(): void {
      const x = Number(xSelect.value);
      const y = Number(ySelect.value);
      markNote.textContent = `${markFor(at(columns, x, "the result's columns").kind)} chart${order.length > CHART_ROWS ? `, first ${COUNT.format(CHART_ROWS)} rows` : ""}`;
      const width = Math.max(280, Math.min(chartHolder.clientWidth || main.clientWidth || 640, 960));
      chartHolder.replaceChildren(QuickChart(columns, order, {x, y, width, shareUrl}));
    }
    redraw = drawChart;
    drawChart();
  }

  const onHistory = () => restore();
  addEventListener("popstate", onHistory);
  addEventListener("hashchange", onHistory);
  invalidation?.then(() => {
    removeEventListener("popstate", onHistory);
    removeEventListener("hashchange", onHistory);
    runs.cancel();
  });

  load();
  return root;
}
