// The engine comparison, in the browser (plain JavaScript, sent as it is).
// The bench serves this as a page beside the built site; the modules it
// imports are the site's own copies of Arquero, Apache Arrow and Framework's
// DuckDB client (which loads the site's DuckDB-WASM), so it measures what
// readers and analysts get. window.__engineModules names them.
//
// window.__engines.run(engine, rows, repeats) generates the synthetic table,
// loads it into the engine, runs the aggregate once to warm up and then
// `repeats` times, and returns the times and a digest of the answer.

const {arquero, arrow, duckdb} = window.__engineModules;

const GROUPS = 100;
const SEED = 0x5eed;
const LABELS = Array.from({length: GROUPS}, (_, i) => `g${String(i).padStart(2, "0")}`);

// mulberry32: a small deterministic PRNG; the same seed gives the same table in every run.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rows` rows: a key with ~100 groups (as codes into LABELS) and a number. */
function generate(rows) {
  const random = mulberry32(SEED);
  const codes = new Int32Array(rows);
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; ++i) {
    codes[i] = Math.floor(random() * GROUPS);
    values[i] = Math.round(random() * 100_000) / 100;
  }
  return {codes, values};
}

function heapMb() {
  return performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null;
}

function time(fn) {
  const started = performance.now();
  return Promise.resolve(fn()).then((result) => ({ms: performance.now() - started, result}));
}

/** The answer reduced to what both engines must agree on. */
function digest(groups) {
  groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    groups: groups.length,
    rows: groups.reduce((sum, g) => sum + g.n, 0),
    first: groups[0] ?? null,
    last: groups.at(-1) ?? null
  };
}

async function runArquero(rows, repeats) {
  const aq = await import(arquero);
  const {codes, values} = generate(rows);
  const load = await time(() => {
    const keys = new Array(rows);
    for (let i = 0; i < rows; ++i) keys[i] = LABELS[codes[i]];
    return aq.table({key: keys, value: values});
  });
  const table = load.result;
  const query = () => table.groupby("key").rollup({n: aq.op.count(), mean: aq.op.mean("value")});
  const warmup = await time(query);
  const times = [];
  for (let i = 0; i < repeats; ++i) times.push((await time(query)).ms);
  const groups = warmup.result.objects().map((g) => ({key: g.key, n: Number(g.n), mean: g.mean}));
  return {loadMs: load.ms, startMs: 0, firstMs: warmup.ms, times, heapMb: heapMb(), digest: digest(groups)};
}

async function runDuckDb(rows, repeats) {
  const Arrow = await import(arrow);
  const {DuckDBClient} = await import(duckdb);
  const start = await time(() => DuckDBClient.of());
  const db = start.result._db;
  const conn = await db.connect();
  try {
    const {codes, values} = generate(rows);
    const load = await time(async () => {
      // The key goes in as Arrow's dictionary encoding: codes into the 100 labels.
      const dictionary = Arrow.vectorFromArray(LABELS, new Arrow.Utf8());
      const keyType = new Arrow.Dictionary(new Arrow.Utf8(), new Arrow.Int32(), 0, false);
      const key = Arrow.makeVector(Arrow.makeData({type: keyType, length: rows, nullCount: 0, data: codes, dictionary}));
      const value = Arrow.makeVector(values);
      await conn.insertArrowTable(new Arrow.Table({key, value}), {name: "synthetic", create: true});
    });
    const sql = "SELECT key, count(*) AS n, avg(value) AS mean FROM synthetic GROUP BY key";
    const query = () => conn.query(sql);
    const warmup = await time(query);
    const times = [];
    for (let i = 0; i < repeats; ++i) times.push((await time(query)).ms);
    const groups = warmup.result.toArray().map((g) => ({key: String(g.key), n: Number(g.n), mean: Number(g.mean)}));
    const size = (await conn.query("PRAGMA database_size")).toArray()[0];
    return {
      loadMs: load.ms,
      startMs: start.ms,
      firstMs: warmup.ms,
      times,
      heapMb: heapMb(),
      duckdbMemory: size ? String(size.memory_usage) : null,
      digest: digest(groups)
    };
  } finally {
    await conn.close();
    await db.terminate();
  }
}

window.__engines = {
  run(engine, rows, repeats) {
    if (engine === "arquero") return runArquero(rows, repeats);
    if (engine === "duckdb") return runDuckDb(rows, repeats);
    throw new Error(`unknown engine ${engine}`);
  }
};
