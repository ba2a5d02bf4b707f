/** Sources sent once, by id: packing and unpacking give back exactly what the loaders made. */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {packSources, unpackSources} from "../../../src/lib/delivery/payload.js";
import {inspectionRecord, storyFacts} from "../../../src/lib/story/story.js";
import {CHARTS} from "../../../src/components/charts/chart-registry.js";
import {pageData} from "../../../src/lib/delivery/page-data.js";
import {storyPages} from "../../../src/lib/delivery/page-reads.js";

const facts = loadFactBase();

test("the story's figures and the inspection record survive packing, JSON and unpacking unchanged", () => {
  for (const payload of [storyFacts(facts), inspectionRecord(facts)]) {
    const original = JSON.parse(JSON.stringify(payload));
    const packed = JSON.parse(JSON.stringify(packSources(payload)));
    assert.deepEqual(unpackSources(packed), original);
  }
});

test("what a page is sent unpacks to the story's own figures and records", () => {
  const whole = JSON.parse(JSON.stringify({...storyFacts(facts), ...inspectionRecord(facts)}));
  for (const page of storyPages()) {
    const sent = unpackSources(JSON.parse(JSON.stringify(pageData(facts, page, CHARTS)))) as Record<string, unknown>;
    for (const [key, value] of Object.entries(sent)) {
      if (key === "figures") for (const [id, figure] of Object.entries(value as object)) assert.deepEqual(figure, whole.figures[id], `${page}: ${id}`);
      else for (const row of value as object[]) assert.ok(whole[key].some((r: object) => JSON.stringify(r) === JSON.stringify(row)), `${page}: a ${key} row`);
    }
  }
});

test("packing sends fewer bytes: every source's address appears once", () => {
  const payload = inspectionRecord(facts);
  const plain = JSON.stringify(payload);
  const packed = JSON.stringify(packSources(payload));
  assert.ok(packed.length < plain.length * 0.75, `${packed.length} bytes packed against ${plain.length}`);
  const url = at(payload.events, 0, "events").source.url;
  assert.equal(packed.split(JSON.stringify(url)).length - 1, 1);
});

test("a payload that names a source it does not send is refused", () => {
  assert.throws(() => unpackSources({sources: {}, events: [{source: "nowhere"}]}), /unknown source 'nowhere'/);
});
