/**
 * A date known only to its month or year, drawn: a bracket with a tick at each
 * end, and where the bracket runs past the chart's edge, an arrowhead there
 * instead of a tick, so that the edge is not read as the span's end.
 */
import "../../../scripts/node/npm-specifiers.ts";
import assert from "node:assert/strict";
import {test} from "node:test";

test("a span cut by the chart's edge ends in an arrowhead there, and a span inside it in ticks", async () => {
  const {installDom} = await import("../../../scripts/node/dom.js");
  installDom();
  const Plot = await import("@observablehq/plot");
  const {dateSpanMarks, spansBeyond} = await import("../../../src/components/charts/timelines/date-span.js");
  const domain: [Date, Date] = [new Date(Date.UTC(2016, 2, 1)), new Date(Date.UTC(2016, 11, 1))];
  const row = (name: string, start: [number, number], end: [number, number]) => ({name, start: new Date(Date.UTC(2016, ...start)), end: new Date(Date.UTC(2016, ...end))});
  const draw = (rows: ReturnType<typeof row>[]) => {
    const svg = Plot.plot({
      width: 600,
      x: {type: "utc", domain},
      y: {domain: ["a"]},
      marks: dateSpanMarks(rows, {y: () => "a", dy: 0, rowHeight: 40, stroke: "black", solid: () => true, title: (r) => r.name, pixelsPerMs: 560 / (domain[1].getTime() - domain[0].getTime()), domain})
    });
    const arrows = (turn: number) => [...svg.querySelectorAll("path")].filter((p) => new RegExp(`rotate\\(${turn}\\)`).test(p.getAttribute("transform") ?? "")).length;
    // A tick is an upright line; the bracket's dotted rule lies flat.
    const ticks = [...svg.querySelectorAll("line")].filter((l) => l.getAttribute("x1") === l.getAttribute("x2") && l.getAttribute("y1") !== l.getAttribute("y2")).length;
    return {left: arrows(-90), right: arrows(90), ticks};
  };
  // The year 2016 on an axis from March to November: cut at both ends.
  const year = row("2016", [0, 1], [12, 1]);
  // June 2016: wholly inside.
  const june = row("June 2016", [5, 1], [6, 1]);
  // From February to April: cut at the start only.
  const spring = row("spring", [1, 1], [3, 1]);
  assert.deepEqual(draw([june]), {left: 0, right: 0, ticks: 2});
  assert.deepEqual(draw([year]), {left: 1, right: 1, ticks: 0}, "no tick where the bracket is cut");
  assert.deepEqual(draw([spring]), {left: 1, right: 0, ticks: 1}, "a tick at the end inside the chart");
  assert.equal(spansBeyond([year, june, spring], domain), 2);
});
