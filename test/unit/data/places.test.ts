import assert from "node:assert/strict";
import {test} from "node:test";
import {siteNames} from "../../../src/lib/story/places.js";

test("a site the reports name in several ways is named once, with the town any of its names gives", () => {
  const locations = ["Ravenswood House (secure unit, Fareham)", "Ravenswood House and Southfield (forensic/secure)", "Ridgeway Centre, High Wycombe", "Ravenswood House, Fareham"];
  assert.deepEqual(siteNames(locations), ["Ravenswood House (Fareham)", "Southfield", "Ridgeway Centre (High Wycombe)"]);
});

test("a description in brackets is not taken for a town, and a site named without one keeps its name", () => {
  assert.deepEqual(siteNames(["Leigh House (child and adolescent mental health ward)", "Bluebird House"]), ["Leigh House", "Bluebird House"]);
});
