import assert from "node:assert/strict";
import {test} from "node:test";
import {stableDates} from "../../scripts/steps/stable-dates.js";
import {context, fixture, run} from "./helpers.js";

const date = Date.UTC(2023, 10, 30);

test("every data file a page registers gets the data's date", async () => {
  const page = fixture("explore.html");
  const registered = page.match(/registerFile\(/g)!.length;
  assert.ok(registered > 1, "the SQL page registers its tables");
  const {html} = await run([stableDates], page, "explore.html", context({dataDate: date}));
  const dates = [...html.matchAll(/"lastModified":(\d+)/g)].map((match) => Number(match[1]));
  assert.equal(dates.length, registered);
  assert.ok(dates.every((d) => d === date));
});

test("a page that registers no file is left as it is", async () => {
  const page = fixture("sources.html");
  assert.doesNotMatch(page, /registerFile\(/);
  const {applied} = await run([stableDates], page, "sources.html", context({dataDate: date}));
  assert.deepEqual(applied, ["stable dates"]);
});

test("registered files whose date it cannot find stop the build (Framework renamed the field)", async () => {
  const moved = fixture("deaths.html").replace(/"lastModified":/g, '"mtime":');
  await assert.rejects(run([stableDates], moved, "deaths.html", context({dataDate: date})), /step "stable dates": found 0 file dates to replace for 1 registered files/);
});
