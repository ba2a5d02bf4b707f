/**
 * The workbench's query runner against a stand-in for DuckDB-WASM's
 * connection (real Arrow batches, scripted timing): it locks the database
 * before the first query, converts every batch, caps runaway results,
 * answers Cancel at once, and replaces a database that does not stop.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {Int64, Table, Utf8, makeTable, tableFromArrays, vectorFromArray, type RecordBatch} from "apache-arrow";
import {QueryCancelled, createRunner, type DuckDBClientLike} from "../../../src/components/workbench/duckdb-runner.js";

type Script = (sql: string) => Promise<RecordBatch[]>;

interface FakeDatabase {
  client: DuckDBClientLike;
  sent: string[];
  cancels: number;
  terminated: boolean;
}

/** A database whose connections answer each query with what `script` gives. */
function fakeDatabase(script: Script): FakeDatabase {
  const db: FakeDatabase = {client: undefined as unknown as DuckDBClientLike, sent: [], cancels: 0, terminated: false};
  const connection = {
    async send(sql: string) {
      db.sent.push(sql);
      const batches = await script(sql);
      return {
        async *[Symbol.asyncIterator]() {
          yield* batches;
        }
      };
    },
    async cancelSent() {
      db.cancels++;
      return true;
    },
    async close() {}
  };
  db.client = {
    _db: {
      connect: async () => connection,
      terminate: async () => void (db.terminated = true)
    }
  } as unknown as DuckDBClientLike;
  return db;
}

/** A promise and the function that resolves it: what a test waits on instead of a delay. */
function signal(): {promise: Promise<void>; resolve: () => void} {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return {promise, resolve};
}

const answer = (sql: string) => {
  if (sql.startsWith("SET ")) return [];
  if (sql.startsWith("SELECT broken")) throw new Error("Binder Error: Referenced column \"broken\" not found");
  const table = new Table({n: vectorFromArray([1n, 2n, 3n], new Int64()), label: vectorFromArray(["a", "b", "c"], new Utf8())});
  return table.batches;
};

test("the database is locked before any query, and results are converted", async () => {
  // DuckDB takes at least QUERY_MS over this query: the time the runner reports is the query's own.
  const QUERY_MS = 25;
  const db = fakeDatabase(async (sql) => {
    if (sql.startsWith("SELECT")) await new Promise((resolve) => setTimeout(resolve, QUERY_MS));
    return answer(sql);
  });
  const runner = createRunner(async () => db.client);
  await runner.ready;
  assert.deepEqual(db.sent, ["SET enable_external_access = false", "SET lock_configuration = true"]);
  const asked = performance.now();
  const result = await runner.run("SELECT n, label FROM t");
  const waited = performance.now() - asked;
  assert.deepEqual(result.columns, [
    {name: "n", kind: "bigint", typeName: "BIGINT"},
    {name: "label", kind: "string", typeName: "VARCHAR"}
  ]);
  assert.deepEqual(result.rows, [[1n, "a"], [2n, "b"], [3n, "c"]]);
  assert.equal(result.capped, false);
  // Timers may fire up to a millisecond early against performance.now().
  assert.ok(result.elapsedMs >= QUERY_MS - 1 && result.elapsedMs <= waited, `the query took ${result.elapsedMs} ms of the ${waited} ms waited for it`);
});

test("DuckDB's error reaches the caller, and the next query runs", async () => {
  const runner = createRunner(async () => fakeDatabase(async (sql) => answer(sql)).client);
  await assert.rejects(runner.run("SELECT broken"), /Referenced column "broken" not found/);
  assert.equal((await runner.run("SELECT n")).rows.length, 3);
});

test("a result past maxRows is cut off and says so", async () => {
  const many = makeTable({n: new Int32Array(2500)});
  const runner = createRunner(async () => fakeDatabase(async (sql) => (sql.startsWith("SET") ? [] : many.batches)).client, {maxRows: 1000});
  const result = await runner.run("SELECT n FROM range(2500)");
  assert.equal(result.rows.length, 1000);
  assert.equal(result.capped, true);
});

test("Cancel answers at once, asks DuckDB to stop, and the next query runs", async () => {
  let release!: () => void;
  const slowSent = signal();
  const db = fakeDatabase(async (sql) => {
    if (sql.includes("slow")) {
      slowSent.resolve();
      await new Promise<void>((resolve) => (release = resolve));
    }
    return answer(sql);
  });
  const runner = createRunner(async () => db.client, {cancelGraceMs: 10_000});
  const slow = runner.run("SELECT slow");
  await slowSent.promise; // DuckDB is running it
  runner.cancel();
  await assert.rejects(slow, QueryCancelled);
  assert.equal(db.cancels, 1);
  const next = runner.run("SELECT n");
  release(); // DuckDB honours the cancel: the connection is free again
  assert.equal((await next).rows.length, 3);
  assert.equal(db.terminated, false);
});

test("a database that ignores Cancel is replaced, and the next query runs on the new one", async () => {
  const foreverSent = signal();
  const stuck = fakeDatabase(async (sql) => {
    if (!sql.includes("forever")) return answer(sql);
    foreverSent.resolve();
    return new Promise<never>(() => undefined);
  });
  const fresh = fakeDatabase(async (sql) => answer(sql));
  const databases = [stuck, fresh];
  const runner = createRunner(async () => databases.shift()!.client, {cancelGraceMs: 20});
  const forever = runner.run("SELECT forever");
  await foreverSent.promise;
  runner.cancel();
  await assert.rejects(forever, QueryCancelled);
  const next = await runner.run("SELECT n");
  assert.equal(next.rows.length, 3);
  assert.equal(stuck.terminated, true);
  assert.ok(fresh.sent.includes("SELECT n"));
});

test("a query cancelled while it waits for the one before is never sent", async () => {
  let release!: () => void;
  const slowSent = signal();
  const db = fakeDatabase(async (sql) => {
    if (sql.includes("slow")) {
      slowSent.resolve();
      await new Promise<void>((resolve) => (release = resolve));
    }
    return answer(sql);
  });
  const runner = createRunner(async () => db.client, {cancelGraceMs: 10_000});
  await runner.ready;
  const first = runner.run("SELECT slow");
  await slowSent.promise;
  const second = runner.run("SELECT second"); // cancels the first and waits for the connection
  runner.cancel(); // cancels the second while it waits
  release();
  await assert.rejects(first, QueryCancelled);
  await assert.rejects(second, QueryCancelled);
  assert.equal(db.sent.includes("SELECT second"), false);
});

test("a dictionary column (DuckDB's ENUM) reads as its values", async () => {
  const table = tableFromArrays({rating: ["good", "requires improvement", "good"]});
  const runner = createRunner(async () => fakeDatabase(async (sql) => (sql.startsWith("SET") ? [] : table.batches)).client);
  const result = await runner.run("SELECT rating FROM t");
  assert.deepEqual(result.columns, [{name: "rating", kind: "string", typeName: "ENUM"}]);
  assert.deepEqual(result.rows, [["good"], ["requires improvement"], ["good"]]);
});

test("column names and types come from the Arrow schema, even for an empty result", async () => {
  const empty = new Table({label: vectorFromArray([] as string[], new Utf8())});
  const runner = createRunner(async () => fakeDatabase(async (sql) => (sql.startsWith("SET") ? [] : empty.batches)).client);
  const result = await runner.run("SELECT label FROM t WHERE false");
  assert.deepEqual(result.rows, []);
  assert.deepEqual(result.columns.map((c) => c.typeName), ["VARCHAR"]);
});
