/**
 * Every data loader in src/data/: run as Framework runs it (a child process
 * writing its output to stdout, with `--page=…` for a parameterized loader),
 * once for each loader file, its output is what the suite's build exported;
 * every output the export holds (each page's, each table's, the catalog) and
 * every chart's has the promised shape; on a broken copy of data/ each loader
 * fails loudly, says where and what, and writes nothing a build could mistake
 * for output. The outputs are read from dist/, where the build that `npm test`
 * runs put them, rather than made again: the build is what runs the loaders.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, extname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {after, before, describe, test} from "node:test";
import {tableFromIPC, Type} from "apache-arrow";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {buildFigures} from "../../src/lib/story/figures.js";
import {LOADERS as DEFINED} from "../../src/data/loaders.js";
import {tableNames} from "../../src/lib/delivery/tables.js";
import {assertBuilt, distDir} from "../helpers/site.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATA = join(ROOT, "data");
const FACTS = loadFactBase();
const TABLES = tableNames(FACTS);
/** The values each parameterized loader in src/data/ is run with (a page, a chart, a table), from its definition. */
const PARAMS: Record<string, {name: string; values: readonly string[]}> = Object.fromEntries(
  Object.values(DEFINED).flatMap(({route, param}) => (param && route.startsWith("data/") ? [[`${route.slice("data/".length)}.ts`, {name: param.name, values: param.values(FACTS)}]] : []))
);
/** The run of the Arrow loader that writes one table. */
const arrowOf = (table: string) => `[table].arrow.ts --table=${table}`;
const FILES = readdirSync(join(ROOT, "src/data"), {recursive: true, encoding: "utf8"})
  // A loader is named after what it writes ("catalog.json.ts"); loaders.ts defines them.
  .filter((f) => /\.[a-z]+\.ts$/.test(f))
  .sort();
/** Each run: a loader file, with its parameter when it has one ("pages/[page].json.ts --page=deaths"). */
const LOADERS = FILES.flatMap((file) => {
  const param = PARAMS[file];
  return param ? param.values.map((value) => `${file} --${param.name}=${value}`) : [file];
});
/** One run of each loader file: enough to see it runs as Framework runs it, and on broken data the parameter does not reach the validation. */
const ONE_RUN_EACH = FILES.map((file) => LOADERS.find((run) => run.split(" ")[0] === file)!);

/** The top-level keys each JSON loader promises: a page's are in test/unit/data/page-reads.test.ts. */
const JSON_KEYS: Record<string, string[]> = {
  "catalog.json.ts": [] // an array of tables, checked below
};

const CATALOG_TABLE_KEYS = ["name", "title", "description", "rows", "columns"];

/** How the catalog's column types are written in Arrow. */
const ARROW_TYPES: Record<string, Type> = {string: Type.Utf8, integer: Type.Int, number: Type.Float, date: Type.Date, yearmonth: Type.Utf8};

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function runLoader(name: string, dataDir?: string): Promise<Run> {
  const env = {...process.env};
  delete env.SHFT_DATA_DIR;
  if (dataDir) env.SHFT_DATA_DIR = dataDir;
  return new Promise((resolve, reject) => {
    const [file, ...args] = name.split(" ");
    const child = spawn(process.execPath, ["--import", "tsx", `src/data/${file}`, ...args], {cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"]});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8")}));
  });
}

/** Runs loaders, two at a time (one a core). */
async function runAll(dataDir: string | undefined, runs: string[]): Promise<Map<string, Run>> {
  const results = new Map<string, Run>();
  const queue = [...runs];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) results.set(name, await runLoader(name, dataDir));
  };
  await Promise.all([worker(), worker()]);
  return results;
}

/**
 * A loader run's output as the export holds it: Framework names a loader's output after the
 * loader, with a content hash ("data/pages/deaths.0fde5160.json"). Charts' outputs serve only
 * the preview's embed pages (the export's embeds are drawn at build), so they are made here by
 * the function their loader calls.
 */
function exportedOutput(run: string): Buffer {
  const [file, param] = run.split(" ");
  if (file === "charts/[chart].json.ts") {
    const output = DEFINED.chart.produce(FACTS, param!.split("=")[1]!);
    return typeof output === "string" ? Buffer.from(output) : Buffer.from(output);
  }
  // "pages/[page].json.ts --page=deaths" writes "pages/deaths.json".
  const output = file!.replace(/\[[a-z]+\]/, param?.split("=")[1] ?? "").replace(/\.ts$/, "");
  const dir = join(distDir, "_file", "data", dirname(output));
  const extension = extname(output);
  const found = readdirSync(dir).filter((name) => new RegExp(`^${basename(output, extension)}\\.[0-9a-f]{8}\\${extension}$`).test(name));
  assert.equal(found.length, 1, `the export holds one output of ${run} in ${dir}: ${found.join(", ") || "none"}`);
  return readFileSync(join(dir, found[0]!));
}

/** CSV records, counted by d3-dsv rather than by the parser the loaders use. */
async function csvRecordCount(path: string): Promise<number> {
  const {csvParse} = (await import("d3-dsv" as string)) as {csvParse: (text: string) => unknown[]};
  return csvParse(readFileSync(path, "utf8")).length;
}

interface CatalogTable {
  name: string;
  rows: number;
  columns: {name: string; type: string; description: string}[];
}

const copies: string[] = [];
/** Every run's output: from the export, or (charts) as its loader makes it. */
let good: Map<string, {stdout: Buffer}>;
let ran: Map<string, Run>;
let catalog: CatalogTable[];

before(async () => {
  assertBuilt();
  ran = await runAll(undefined, ONE_RUN_EACH);
  good = new Map(LOADERS.map((run) => [run, {stdout: exportedOutput(run)}]));
  catalog = JSON.parse(good.get("catalog.json.ts")!.stdout.toString("utf8"));
});

after(() => {
  for (const dir of copies) rmSync(dir, {recursive: true, force: true});
});

test("there are loaders, and each is a JSON loader we know or an Arrow loader of a catalogued table", () => {
  assert.ok(LOADERS.length >= 3);
  const tables = new Set(catalog.map((t) => t.name));
  for (const name of FILES) {
    if (name in PARAMS) continue;
    if (name.endsWith(".json.ts")) assert.ok(name in JSON_KEYS, `declare the top-level keys of ${name} in JSON_KEYS`);
    else assert.fail(`no expectations for loader ${name}`);
  }
  // Each loader file is defined in src/data/loaders.ts, which the build writes the cache from.
  assert.deepEqual(
    Object.values(DEFINED).map(({route}) => `src/${route}.ts`).filter((file) => file.startsWith("src/data/")).sort(),
    FILES.map((file) => `src/data/${file}`)
  );
  // One Arrow loader, run for every catalogued table and nothing else.
  assert.deepEqual([...TABLES].sort(), [...tables].sort());
});

describe("on the real data", () => {
  for (const name of ONE_RUN_EACH) {
    test(`${name} exits 0 with no error, and writes what the export holds`, () => {
      const run = ran.get(name)!;
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.length > 0, "no output");
      assert.doesNotMatch(run.stderr, /invalid data|Error/);
      assert.ok(run.stdout.equals(good.get(name)!.stdout), "the output differs from the export's");
    });
  }

  test("every page, table and chart has its output", () => {
    for (const name of LOADERS) assert.ok(good.get(name)?.stdout.length, `no output for ${name}`);
  });

  test("catalog.json lists every table of the data package plus the figures, with the keys the schema browser reads", async () => {
    const descriptor = JSON.parse(readFileSync(join(DATA, "datapackage.json"), "utf8")) as {resources: {name: string}[]};
    assert.ok(Array.isArray(catalog));
    assert.deepEqual(
      catalog.map((t) => t.name),
      [...descriptor.resources.map((r) => r.name), "figures"]
    );
    for (const table of catalog) {
      assert.deepEqual(Object.keys(table).sort(), [...CATALOG_TABLE_KEYS].sort(), table.name);
      for (const column of table.columns) assert.ok(column.type in ARROW_TYPES, `${table.name}.${column.name}: unknown type ${column.type}`);
    }
  });

  test("the pages' files: every figure has an id, a display and at least one source", () => {
    for (const name of LOADERS.filter((n) => n.startsWith("pages/"))) {
      const {figures = {}} = JSON.parse(good.get(name)!.stdout.toString("utf8")) as {figures?: Record<string, {id: string; display: string; sources: unknown[]}>};
      for (const [id, figure] of Object.entries(figures)) {
        assert.equal(figure.id, id);
        assert.equal(typeof figure.display, "string");
        assert.ok(figure.sources.length > 0, id);
      }
    }
  });

  test("the ratings, findings and timeline pages get as many records as the CSV files have rows", async () => {
    const output = (page: string) => JSON.parse(good.get(`pages/[page].json.ts --page=${page}`)!.stdout.toString("utf8")) as Record<string, unknown[]>;
    assert.equal(output("ratings").ratings?.length, await csvRecordCount(join(DATA, "cqc_ratings.csv")));
    assert.equal(output("findings").findings?.length, await csvRecordCount(join(DATA, "cqc_findings.csv")));
    assert.equal(output("timeline").events?.length, await csvRecordCount(join(DATA, "events.csv")));
    assert.equal(output("timeline").terms?.length, await csvRecordCount(join(DATA, "leadership_terms.csv")));
  });

  test("each JSON file sends a source once, by id, and names only sources it sends", () => {
    for (const name of LOADERS.filter((n) => n.includes("].json.ts"))) {
      const text = good.get(name)!.stdout.toString("utf8");
      const {sources} = JSON.parse(text) as {sources: Record<string, {url: string}>};
      for (const [id, source] of Object.entries(sources)) {
        assert.equal(text.split(JSON.stringify(source.url)).length - 1, 1, `${name}: the address of ${id} is sent once`);
      }
      const named = [...text.matchAll(/"sources?":(\[[^\]]*\]|"[a-z0-9_]+")/g)].flatMap((m) => JSON.parse(at(m, 1, "the match")) as string | string[]);
      for (const id of named.flat()) if (typeof id === "string") assert.ok(id in sources, `${name} names ${id} without sending it`);
    }
  });

  for (const table of TABLES) {
    const name = arrowOf(table);
    test(`${name} is Arrow IPC with exactly the catalog's columns, types and rows`, async () => {
      const arrow = tableFromIPC(good.get(name)!.stdout);
      const entry = catalog.find((t) => t.name === table)!;
      assert.deepEqual(
        arrow.schema.fields.map((f) => f.name),
        entry.columns.map((c) => c.name)
      );
      for (const column of entry.columns) {
        assert.equal(arrow.schema.fields.find((f) => f.name === column.name)!.type.typeId, ARROW_TYPES[column.type], `${column.name} (${column.type})`);
      }
      assert.equal(arrow.numRows, entry.rows);
      if (table === "figures") {
        assert.equal(arrow.numRows, buildFigures(loadFactBase()).size, "one row per figure the story can show");
      } else {
        assert.equal(arrow.numRows, await csvRecordCount(join(DATA, `${table}.csv`)), "one row per CSV record");
      }
    });
  }

  test("Arrow values match the CSV: a count, an empty cell and a partial date's span", () => {
    const mazars = tableFromIPC(good.get(arrowOf("mazars_figures"))!.stdout).toArray();
    const total = mazars.find((r) => r.figure_id === "deaths_total");
    assert.equal(total.value, 10306);
    assert.equal(total.denominator_id, null);
    const events = tableFromIPC(good.get(arrowOf("events"))!.stdout).toArray();
    const monthly = events.find((r) => r.date_precision === "month");
    assert.ok(monthly, "an event dated to the month");
    const [year = NaN, month = NaN] = (monthly.date as string).split("-").map(Number);
    // A month covers its first to its last day.
    assert.equal(new Date(monthly.date_from).toISOString().slice(0, 10), `${monthly.date}-01`);
    assert.equal(new Date(monthly.date_to).toISOString().slice(0, 10), new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10));
  });
});

describe("on a broken copy of the data (SHFT_DATA_DIR)", () => {
  let broken: Map<string, Run>;
  let expected: string;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), "shft-loaders-"));
    copies.push(dir);
    cpSync(DATA, dir, {recursive: true});
    // Text in the value (a number) of ld_unexpected_investigated; no quoted field precedes it.
    const path = join(dir, "mazars_figures.csv");
    const lines = readFileSync(path, "utf8").split("\n");
    const index = at(lines, 0, "lines").split(",").indexOf("value");
    const row = lines.findIndex((l) => l.startsWith("ld_unexpected_investigated,"));
    const fields = at(lines, row, "lines").split(",");
    assert.ok(!fields.slice(0, index + 1).some((f) => f.includes('"')));
    const column = fields.slice(0, index).reduce((sum, f) => sum + f.length + 1, 1);
    fields[index] = "four";
    lines[row] = fields.join(",");
    writeFileSync(path, lines.join("\n"));
    expected = `invalid data: ${path}:${row + 1}:${column}: column 'value': expected a number, got "four"`;
    broken = await runAll(dir, ONE_RUN_EACH);
  });

  for (const name of ONE_RUN_EACH) {
    test(`${name} exits non-zero, says file:line:col and the problem, and writes nothing to stdout`, () => {
      const run = broken.get(name)!;
      assert.notEqual(run.code, 0);
      assert.equal(run.stdout.length, 0, `stdout: ${run.stdout.toString("utf8").slice(0, 200)}`);
      assert.ok(run.stderr.includes(expected), `stderr should contain ${JSON.stringify(expected)}, got ${JSON.stringify(run.stderr)}`);
    });
  }
});
