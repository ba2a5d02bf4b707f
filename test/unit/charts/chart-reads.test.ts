/**
 * Each chart is sent exactly what its registry entry reads
 * (src/components/charts/chart-registry.ts). Drawn in
 * Node, as the build draws it, every chart comes out the same from what its
 * page or embed is sent as from the whole fact base (nothing it draws is
 * missing); and taking away any one figure or row it is sent changes the
 * drawing or breaks it (nothing it is sent goes unused).
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import "../../../scripts/node/npm-specifiers.ts";
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {installDom} from "../../../scripts/node/dom.js";
import {CHART_READS, CHART_REGISTRY, EMBEDDABLE_CHARTS, type ChartEntry, type ChartId} from "../../../src/components/charts/chart-registry.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {chartData} from "../../../src/lib/delivery/page-data.js";
import {packSources, unpackSources} from "../../../src/lib/delivery/payload.js";
import {inspectionRecord, storyFacts} from "../../../src/lib/story/story.js";
import type {Figure} from "../../../src/lib/story/figures.js";

installDom();
// Imported once the DOM is in place and `npm:` imports resolve to node_modules, as at build.
const {DraftFinalTable} = await import("../../../src/components/charts/draft-final.js");

const facts = loadFactBase();
const WIDTH = 640;

type Input = {figures: Record<string, Figure>; record: Record<string, {[key: string]: unknown}[]>};

/** As a page receives a packed payload: through JSON, unpacked. */
function received(payload: object): Input {
  const {figures = {}, ...record} = unpackSources(JSON.parse(JSON.stringify(payload))) as {figures?: Record<string, Figure>};
  return {figures, record: record as Input["record"]};
}

const everything = received(packSources({...storyFacts(facts), ...inspectionRecord(facts)}));
const leak = (everything.record.events as {event_id: string}[]).find((e) => e.event_id === "2015_12_09_mazars_draft_leaked");
const report = (everything.record.events as {event_id: string}[]).find((e) => e.event_id === "2015_12_17_mazars_final_published");

/** The drawing as text, its ids (which count up from one drawing to the next) renamed in order, with every reference to them. */
async function drawing(chart: ChartId, input: Input): Promise<string> {
  const draw = (CHART_REGISTRY[chart] as ChartEntry).draw;
  const node = draw ? await draw(input as never, WIDTH) : DraftFinalTable(input.figures, {leak: leak as never, report: report as never});
  let html = node.outerHTML;
  // Named by first appearance; replaced longest first, so that fact-card-1 does not rename part of fact-card-12.
  const names = new Map([...new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => at(m, 1, "the match")))].map((id, i) => [id, `«id${i}»`]));
  for (const id of [...names.keys()].sort((a, b) => b.length - a.length)) html = html.split(id).join(names.get(id) ?? id);
  return html;
}

/** The drawing, or what stopped it. */
async function attempt(chart: ChartId, input: Input): Promise<string> {
  try {
    return await drawing(chart, input);
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

test("every chart with a drawing is embeddable, in a frame named for it that offers its embed code; only the draft/final table has none", async () => {
  assert.deepEqual(Object.keys(CHART_REGISTRY).filter((id) => !EMBEDDABLE_CHARTS.some((c) => c.id === id)), ["draft-final"]);
  for (const {id, draw} of EMBEDDABLE_CHARTS) {
    const frame = await draw(everything as never, WIDTH);
    assert.equal(frame.id, `chart-${id}`, `the ${id} chart's frame is named for it (its embed page and images find it so)`);
    assert.ok(frame.querySelector(".chart-embed"), `the ${id} chart offers its embed code`);
  }
});

for (const chart of Object.keys(CHART_READS) as ChartId[]) {
  describe(`chart ${chart}`, () => {
    const sent = received(chartData(facts, chart, CHART_READS));

    test("draws the same from what it is sent as from the whole fact base", async () => {
      assert.equal(await drawing(chart, everything), await drawing(chart, everything), "two drawings of the same data differ: the comparison cannot be trusted");
      assert.equal(await drawing(chart, sent), await drawing(chart, everything));
    });

    test("uses every figure and every chosen row it is sent", async () => {
      const whole = await drawing(chart, sent);
      for (const id of Object.keys(sent.figures)) {
        const {[id]: _, ...rest} = sent.figures;
        assert.notEqual(await attempt(chart, {...sent, figures: rest}), whole, `figure ${id} is sent but the chart does not read it`);
      }
      // Rows a chart takes whole ("all") are each drawn; rows chosen by id or by window are checked one by one.
      const reads = CHART_READS[chart] as Record<string, unknown>;
      for (const [table, rows] of Object.entries(sent.record)) {
        if (reads[table] === "all") continue;
        for (const [i, row] of rows.entries()) {
          const without = {...sent, record: {...sent.record, [table]: rows.filter((_, j) => j !== i)}};
          assert.notEqual(await attempt(chart, without), whole, `${table} row ${JSON.stringify(Object.values(row)[0])} is sent but not drawn`);
        }
      }
    });
  });
}
