/**
 * Golden drawings: every published chart, drawn in Node from the whole fact
 * base at a phone's width (390 px) and a desktop's (1,280 px), is compared with
 * the SVG stored in test/snapshots/, as Observable Plot guards its own marks
 * (test/output/*.svg). Only the drawing is compared (the Plot SVGs in the
 * frame's body), not the frame's title, source line or notes, which change
 * for other reasons and have tests of their own. An unintended change in a
 * drawing fails here; an intended one is accepted by rewriting the files:
 *
 *   SHFT_UPDATE_SNAPSHOTS=1 node --import tsx --test test/unit/charts/chart-snapshots.test.ts
 *
 * and reviewing the diff of test/snapshots/ like any other change.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import "../../../scripts/node/npm-specifiers.ts";
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, test} from "node:test";
import {installDom} from "../../../scripts/node/dom.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {packSources, unpackSources} from "../../../src/lib/delivery/payload.js";
import {inspectionRecord, storyFacts} from "../../../src/lib/story/story.js";

installDom();
// Imported once the DOM is in place and `npm:` imports resolve to node_modules, as at build.
const {EMBEDDABLE_CHARTS, renderChart} = await import("../../../src/components/charts/chart-registry.js");

const SNAPSHOTS = new URL("../../snapshots/", import.meta.url).pathname;
const WIDTHS = [390, 1280];
const update = Boolean(process.env.SHFT_UPDATE_SNAPSHOTS);

// As a page receives the data: packed, through JSON, unpacked.
const facts = loadFactBase();
const input = unpackSources(JSON.parse(JSON.stringify(packSources({...storyFacts(facts), ...inspectionRecord(facts)})))) as {figures?: object};
const {figures = {}, ...record} = input;

/**
 * The chart's drawings (its Plot SVGs, legends' swatches left out) as text, one element a line, with
 * the ids that count up from one drawing to the next (clip paths, patterns) renamed in order.
 */
function drawingText(frame: Element): string {
  const svgs = [...frame.querySelectorAll(".chart-body svg")].filter((svg) => Number(svg.getAttribute("width")) > 40 && !svg.parentElement?.closest("svg"));
  let text = svgs.map((svg) => svg.outerHTML).join("\n");
  const names = new Map([...new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => at(m, 1, "the match")))].map((id, i) => [id, `id${i}`]));
  for (const id of [...names.keys()].sort((a, b) => b.length - a.length)) text = text.split(id).join(names.get(id) ?? id);
  return `${text.replace(/></g, ">\n<")}\n`;
}

const file = (id: string, width: number) => join(SNAPSHOTS, `${id}@${width}.svg`);

describe("each chart's drawing matches its stored snapshot", () => {
  for (const {id} of EMBEDDABLE_CHARTS) {
    for (const width of WIDTHS) {
      test(`${id} at ${width} px`, async () => {
        const frame = await renderChart(id, {figures, record} as never, width);
        const drawn = drawingText(frame);
        const stored = file(id, width);
        if (drawn.trim() === "") {
          // A table (the findings explorer) has no drawing: its snapshot is its absence.
          assert.ok(!existsSync(stored), `${id}: no drawing, but ${stored} exists`);
          return;
        }
        if (update || !existsSync(stored)) {
          mkdirSync(SNAPSHOTS, {recursive: true});
          writeFileSync(stored, drawn);
          if (!update) assert.fail(`${stored} was missing and has been written; review it and commit it`);
          return;
        }
        const expected = readFileSync(stored, "utf8");
        if (drawn !== expected) {
          const changed = join(tmpdir(), `${id}@${width}.changed.svg`);
          writeFileSync(changed, drawn);
          assert.fail(`${id} at ${width} px differs from ${stored} (the new drawing is in ${changed}); if the change is intended, run SHFT_UPDATE_SNAPSHOTS=1 node --import tsx --test test/unit/charts/chart-snapshots.test.ts`);
        }
      });
    }
  }
  test("no snapshot is left for a chart that no longer exists", () => {
    const expected = new Set(EMBEDDABLE_CHARTS.map((c) => c.id).flatMap((id) => WIDTHS.map((w) => `${id}@${w}.svg`)));
    const stale = readdirSync(SNAPSHOTS).filter((name) => name.endsWith(".svg") && !expected.has(name));
    assert.deepEqual(stale, []);
  });
});
