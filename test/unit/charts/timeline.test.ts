/**
 * The timeline's rows: a date keeps the precision of its source (a day is a
 * point, a month or a year the whole span it covers), every category in the
 * data has a readers' category, and the rows come out in date order.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, test} from "node:test";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {inspectionRecord} from "../../../src/lib/story/story.js";
import type {EventRow} from "../../../src/components/charts/record.js";
import {READER_CATEGORIES, readerCategory, rowsBetween, timelineRow, timelineRows} from "../../../src/components/charts/timelines/timeline-data.js";

const DAY = 24 * 60 * 60 * 1000;

function event(id: string, date: string, date_precision: EventRow["date_precision"], category: EventRow["category"] = "inspection"): EventRow {
  const source = {id: "s", publisher: "P", title: "T", url: "https://example.org/", published: null, kind: "primary document" as const, copyOf: null, copy: null, standing: "primary document" as const, credit: "P"};
  return {
    event_id: id,
    date,
    date_precision,
    date_note: null,
    event: `Event ${id}`,
    people: null,
    category,
    status: "final",
    source_id: "s",
    other_source_ids: null,
    quote: "A quote",
    source,
    sources: [source],
    disagreements: []
  };
}

const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;

describe("timelineRows", () => {
  test("a day is a point on that day", () => {
    const row = timelineRow(event("d", "2016-03-16", "day"));
    assert.equal(row.start.toISOString(), "2016-03-16T00:00:00.000Z");
    assert.equal(row.end.getTime(), row.start.getTime());
    assert.equal(row.is_span, false);
    assert.equal(row.when, "16 March 2016");
  });

  test("a month spans every day of that month", () => {
    const september = timelineRow(event("m", "2016-09", "month"));
    assert.equal(september.start.toISOString(), "2016-09-01T00:00:00.000Z");
    assert.equal(september.end.toISOString(), "2016-10-01T00:00:00.000Z");
    assert.equal(days(september.start, september.end), 30);
    assert.equal(september.is_span, true);
    assert.equal(september.when, "September 2016");
    const february = timelineRow(event("f", "2016-02", "month"));
    assert.equal(days(february.start, february.end), 29, "a leap February");
    const december = timelineRow(event("dec", "2013-12", "month"));
    assert.equal(december.end.toISOString(), "2014-01-01T00:00:00.000Z", "a December ends at the new year");
  });

  test("a year spans the whole year", () => {
    const leap = timelineRow(event("y", "2016", "year"));
    assert.equal(leap.start.toISOString(), "2016-01-01T00:00:00.000Z");
    assert.equal(leap.end.toISOString(), "2017-01-01T00:00:00.000Z");
    assert.equal(days(leap.start, leap.end), 366);
    assert.equal(leap.when, "2016");
    const plain = timelineRow(event("y2", "2020", "year"));
    assert.equal(days(plain.start, plain.end), 366);
    const common = timelineRow(event("y3", "2018", "year"));
    assert.equal(days(common.start, common.end), 365);
  });

  test("the data's categories are gathered into readers' categories", () => {
    const rows = timelineRows([
      event("a", "2015-01-01", "day", "death"),
      event("b", "2015-01-02", "day", "report"),
      event("c", "2015-01-03", "day", "inquest"),
      event("d", "2015-01-04", "day", "national review"),
      event("e", "2015-01-05", "day", "enforcement"),
      event("f", "2015-01-06", "day", "rating"),
      event("g", "2015-01-07", "day", "prosecution"),
      event("h", "2015-01-08", "day", "legal"),
      event("i", "2015-01-09", "day", "leadership"),
      event("j", "2015-01-10", "day", "parliament"),
      event("k", "2015-01-11", "day", "organisation")
    ]);
    assert.deepEqual(
      rows.map((r) => r.reader_category),
      ["Deaths", "Reports and inquests", "Reports and inquests", "Regulators", "Regulators", "Regulators", "Legal and prosecutions", "Legal and prosecutions", "Leadership", "Parliament", "Organisation"]
    );
  });

  test("an unknown category is refused, not drawn in the wrong row", () => {
    // Data reaches the page as JSON, unchecked by the compiler: the runtime still refuses a category it does not know.
    assert.throws(() => timelineRows([event("x", "2015", "year", "gossip" as EventRow["category"])]), /'gossip' has no reader's category/);
  });

  test("rows come out in date order, a span by its first day", () => {
    const rows = timelineRows([event("late", "2016-04-28", "day"), event("year", "2016", "year"), event("month", "2016-04", "month"), event("early", "2015-12-17", "day")]);
    assert.deepEqual(rows.map((r) => r.event_id), ["early", "year", "month", "late"]);
  });

  test("rowsBetween keeps every event whose span overlaps the window", () => {
    const rows = timelineRows([event("year", "2016", "year"), event("before", "2015-06-01", "day"), event("in", "2016-05-01", "day"), event("month", "2016-09", "month")]);
    const window = rowsBetween(rows, new Date(Date.UTC(2016, 8, 15)), new Date(Date.UTC(2016, 11, 1)));
    assert.deepEqual(window.map((r) => r.event_id).sort(), ["month", "year"]);
  });
});

describe("the events in data/", () => {
  test("every category the schema allows has a readers' category", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../data/datapackage.json", import.meta.url), "utf8"));
    const events = pkg.resources.find((r: {name: string}) => r.name === "events");
    const allowed: string[] = events.schema.fields.find((f: {name: string}) => f.name === "category").constraints.enum;
    for (const category of allowed) assert.ok(READER_CATEGORIES.some((c) => c.label === readerCategory(category)), category);
  });

  test("every event becomes a row, month and year dates as spans", () => {
    const {events} = inspectionRecord(loadFactBase()) as unknown as {events: EventRow[]};
    const rows = timelineRows(events);
    assert.equal(rows.length, events.length);
    for (const row of rows) {
      assert.equal(row.is_span, row.date_precision !== "day", row.event_id);
      if (row.date_precision === "month") assert.ok(days(row.start, row.end) >= 28 && days(row.start, row.end) <= 31, row.event_id);
      if (row.date_precision === "year") assert.ok(days(row.start, row.end) >= 365, row.event_id);
    }
  });
});
