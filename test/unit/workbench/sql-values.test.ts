/**
 * Values of a SQL workbench result: Arrow's values, read by the real Arrow
 * library, come out as the workbench shows them. A HUGEINT sum must read as
 * its digits (not "10306,0,0,0"), a DECIMAL at its scale, a DATE as
 * YYYY-MM-DD, NULL as NULL; sorting puts NULLs last either way.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {
  Binary,
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  Interval,
  IntervalUnit,
  List,
  Struct,
  TimeMicrosecond,
  Type,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  vectorFromArray,
  type DataType
} from "apache-arrow";
import {
  ARROW_TYPE,
  UNSHOWN,
  cellAt,
  columnKind,
  compareCells,
  convertValue,
  decimalText,
  formatCell,
  formatNumber,
  sortOrder,
  sqlTypeName,
  timeText,
  wordsToBigInt,
  type Cell
} from "../../../src/components/workbench/sql-values.js";

/** Every value of a vector, converted as the workbench converts a result column. */
function converted(vector: {length: number; get(i: number): unknown; type: DataType}): Cell[] {
  return Array.from({length: vector.length}, (_, i) => convertValue(vector.get(i), vector.type));
}

/** A 128-bit Decimal vector from unscaled integers, laid out as DuckDB sends it. */
function decimalVector(values: bigint[], scale: number) {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    let v = BigInt.asUintN(128, value);
    for (let w = 0; w < 4; ++w, v >>= 32n) words[i * 4 + w] = Number(v & 0xffffffffn);
  });
  return makeVector(makeData({type: new Decimal(scale, 38, 128), length: values.length, nullCount: 0, data: words}));
}

describe("Arrow type ids", () => {
  test("match the Arrow library's", () => {
    for (const [name, id] of Object.entries(ARROW_TYPE)) assert.equal(id, Type[name as keyof typeof Type], name);
  });
});

describe("integers", () => {
  test("BIGINT stays exact past 2^53", () => {
    const big = 2n ** 62n + 1n;
    const vector = vectorFromArray([1n, null, big, -big], new Int64());
    assert.equal(columnKind(vector.type), "bigint");
    assert.deepEqual(converted(vector), [1n, null, big, -big]);
    assert.deepEqual(converted(vector).map(formatCell), ["1", "NULL", "4611686018427387905", "-4611686018427387905"]);
  });

  test("a HUGEINT sum (Decimal 38,0 in Arrow) reads as its digits, not as its four words", () => {
    const vector = decimalVector([10306n, -5n, 2n ** 127n - 1n, -(2n ** 127n)], 0);
    assert.equal(columnKind(vector.type), "bigint");
    assert.equal(String(vector.get(0)).includes(","), false, "(the raw value is an array of words)");
    assert.deepEqual(converted(vector).map(formatCell), ["10306", "-5", (2n ** 127n - 1n).toString(), (-(2n ** 127n)).toString()]);
  });

  test("INTEGER is a plain number, without grouping", () => {
    const vector = vectorFromArray([10306, null, -7], new Int32());
    assert.equal(columnKind(vector.type), "integer");
    assert.deepEqual(converted(vector).map(formatCell), ["10306", "NULL", "-7"]);
  });

  test("two's complement words", () => {
    assert.equal(wordsToBigInt([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]), -1n);
    assert.equal(wordsToBigInt([5, 0, 0, 0]), 5n);
    assert.equal(wordsToBigInt([0, 1, 0, 0]), 2n ** 32n);
    assert.equal(wordsToBigInt([0, 0, 0, 0x80000000]), -(2n ** 127n));
  });
});

describe("decimals and floats", () => {
  test("a DECIMAL is read at its scale", () => {
    const vector = decimalVector([150n, -125n, 5n], 2);
    assert.equal(columnKind(vector.type), "number");
    assert.deepEqual(converted(vector), [1.5, -1.25, 0.05]);
  });

  test("exact decimal text", () => {
    assert.equal(decimalText(150n, 2), "1.50");
    assert.equal(decimalText(-5n, 3), "-0.005");
    assert.equal(decimalText(0n, 2), "0.00");
    assert.equal(decimalText(12n, 0), "12");
  });

  test("floats lose binary noise on screen but not their digits", () => {
    assert.equal(formatNumber(0.1 + 0.2), "0.3");
    assert.equal(formatNumber(37.67313019390582), "37.6731301939");
    assert.equal(formatNumber(1e21), "1e+21");
    assert.equal(formatNumber(2125000), "2125000");
    assert.deepEqual([NaN, Infinity, -Infinity].map(formatNumber), ["nan", "inf", "-inf"]);
    assert.deepEqual(converted(vectorFromArray([1.5, null], new Float64())), [1.5, null]);
  });
});

describe("dates, times and other types", () => {
  test("DATE reads YYYY-MM-DD and TIMESTAMP adds the time (UTC)", () => {
    const days = vectorFromArray([new Date(Date.UTC(2016, 3, 28)), null], new DateDay());
    assert.equal(columnKind(days.type), "date");
    assert.deepEqual(converted(days), ["2016-04-28", null]);
    const stamps = vectorFromArray([new Date(Date.UTC(2015, 11, 17, 9, 30)), new Date(Date.UTC(2015, 11, 17, 9, 30, 1, 250))], new DateMillisecond());
    assert.equal(columnKind(stamps.type), "timestamp");
    assert.deepEqual(converted(stamps), ["2015-12-17 09:30:00", "2015-12-17 09:30:01.250"]);
  });

  test("TIME reads as a clock", () => {
    assert.equal(timeText(43201000000n, 2), "12:00:01");
    assert.equal(timeText(43201500000n, 2), "12:00:01.5");
    assert.equal(timeText(3599, 0), "00:59:59");
    const vector = vectorFromArray([43201000000n], new TimeMicrosecond());
    assert.deepEqual(converted(vector), ["12:00:01"]);
  });

  test("text, booleans, blobs, lists and structs", () => {
    assert.deepEqual(converted(vectorFromArray(["<img src=x>", null], new Utf8())), ["<img src=x>", null]);
    assert.deepEqual(converted(vectorFromArray([true, false, null], new Bool())).map(formatCell), ["true", "false", "NULL"]);
    assert.deepEqual(converted(vectorFromArray([new Uint8Array([97, 98, 0, 92])], new Binary())), ["ab\\x00\\x5C"]);
    const lists = vectorFromArray([[1, 2], [3]], new List(new Field("item", new Int32(), true)));
    assert.deepEqual(converted(lists), [[1, 2], [3]]);
    assert.equal(formatCell(at(converted(lists), 0, "cells")), "[1, 2]");
    const structs = vectorFromArray([{a: 1, b: "x"}], new Struct([new Field("a", new Int32()), new Field("b", new Utf8())]));
    assert.deepEqual(converted(structs), [{a: 1, b: "x"}]);
    assert.equal(formatCell(at(converted(structs), 0, "cells")), "{'a': 1, 'b': 'x'}");
  });

  test("an INTERVAL is not shown rather than shown wrong", () => {
    const type = new Interval(IntervalUnit.DAY_TIME);
    assert.equal(columnKind(type), "unsupported");
    assert.equal(convertValue(new Int32Array([3, 0]), type), UNSHOWN);
    assert.equal(formatCell(UNSHOWN), "cast to VARCHAR to show");
  });

  test("a streamed ENUM whose dictionary is missing is not shown as NULL", () => {
    const type = at(tableFromArrays({rating: ["good"]}).schema.fields, 0, "fields").type;
    assert.equal(type.typeId, Type.Dictionary);
    const missing = {get: () => null, isValid: (i: number) => i === 0};
    assert.equal(cellAt(missing, 0, type), UNSHOWN);
    assert.equal(cellAt(missing, 1, type), null, "a real NULL stays NULL");
    const whole = tableFromArrays({rating: ["good", "bad"]}).getChildAt(0)!;
    assert.deepEqual([0, 1].map((i) => cellAt(whole, i, type)), ["good", "bad"]);
    assert.equal(sqlTypeName(type), "ENUM");
  });

  test("DuckDB's type names", () => {
    assert.equal(sqlTypeName(new Int32()), "INTEGER");
    assert.equal(sqlTypeName(new Int64()), "BIGINT");
    assert.equal(sqlTypeName(new Uint8()), "UTINYINT");
    assert.equal(sqlTypeName(new Float64()), "DOUBLE");
    assert.equal(sqlTypeName(new Float32()), "FLOAT");
    assert.equal(sqlTypeName(new Decimal(0, 38, 128)), "DECIMAL(38,0)");
    assert.equal(sqlTypeName(new Utf8()), "VARCHAR");
    assert.equal(sqlTypeName(new DateDay()), "DATE");
    assert.equal(sqlTypeName(new DateMillisecond()), "TIMESTAMP");
    assert.equal(sqlTypeName(new List(new Field("item", new Utf8()))), "VARCHAR[]");
  });
});

describe("sorting", () => {
  test("NULLs sort last in both directions; ties keep the query's order", () => {
    const rows: Cell[][] = [[3n], [null], [1], [2n], [1]];
    assert.deepEqual(sortOrder(rows, 0, "ascending"), [2, 4, 3, 0, 1]);
    assert.deepEqual(sortOrder(rows, 0, "descending"), [0, 3, 2, 4, 1]);
  });

  test("numbers by value (BigInt and number alike), text by natural order, dates as text", () => {
    assert.ok(compareCells(10n, 9) > 0);
    assert.ok(compareCells(2 ** 60, 2n ** 61n) < 0);
    assert.ok(compareCells("item 2", "item 10") < 0);
    assert.ok(compareCells("2015-12-17", "2016-04-28") < 0);
    assert.ok(compareCells(NaN, 1) > 0, "NaN after numbers, as in DuckDB");
    assert.ok(compareCells(false, true) < 0);
  });
});
