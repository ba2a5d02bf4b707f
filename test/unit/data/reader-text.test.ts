/** Readers' language from the data keepers' notes (src/lib/story/reader-text.ts), on the notes the data carries. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {datesInWords, fieldName, readerText, recordNames} from "../../../src/lib/story/reader-text.js";

const names = new Map([
  ["2016_10_percy_leaves_trust", "Katrina Percy leaves the trust"],
  ["leak_unexpected_1454", "leaked-draft framing: all 1,454 reported deaths called 'unexpected'"],
  ["percy_tenure", "years Katrina Percy was chief executive"]
]);

test("ISO dates read in words at their precision; spans of years and other numbers are left alone", () => {
  assert.equal(datesInWords("2016-10"), "October 2016");
  assert.equal(datesInWords("2016-04-06 (the day it was announced)"), "6 April 2016 (the day it was announced)");
  assert.equal(datesInWords("the staff count for 2015-16 and 2010-2012"), "the staff count for 2015-16 and 2010-2012");
  assert.equal(datesInWords("10,306 deaths"), "10,306 deaths");
});

test("a month cut short before its year or in a span of months is spelled out; other words are left alone", () => {
  assert.equal(datesInWords("Community Care (17 Dec 2015) and the Oct-Nov 2021 inspection"), "Community Care (17 December 2015) and the October-November 2021 inspection");
  assert.equal(datesInWords("the BBC (Sept. 2017)"), "the BBC (September 2017)");
  assert.equal(datesInWords("Marchwood; a Jan; Dec 25 people"), "Marchwood; a Jan; Dec 25 people");
});

test("a parenthesis that only points at a record goes; a key in a sentence becomes its name", () => {
  assert.equal(
    readerText("October 2016 is when she left the trust (event 2016_10_percy_leaves_trust), which the BBC runs together.", names),
    "October 2016 is when she left the trust, which the BBC runs together."
  );
  assert.equal(readerText("kept only as leak_unexpected_1454 (superseded).", names), "kept only as leaked-draft framing: all 1,454 reported deaths called 'unexpected' (superseded).");
  assert.equal(readerText("see trust_facts percy_tenure.", names), "see years Katrina Percy was chief executive.");
  assert.equal(readerText("several reports date the notice by its announcement (see disagreements)", names), "several reports date the notice by its announcement");
  assert.equal(readerText("The record holds 16 March 2016; the record keeps as_of 2020-01.", names), "This page gives 16 March 2016; this page keeps as of January 2020.");
  // A parenthesis with words of its own stays.
  assert.equal(readerText("the BBC (via a mirror) says so", names), "the BBC (via a mirror) says so");
});

test("fields are named as a reader would", () => {
  assert.equal(fieldName("dated"), "date");
  assert.equal(fieldName("inspected_note"), "length of the inspection");
  assert.equal(fieldName("population"), "population");
});

test("every disagreement's reason, as readers get it, names no key and gives no ISO date", () => {
  const facts = loadFactBase();
  const all = recordNames(facts);
  const keys = new Set(all.keys());
  for (const row of facts.rows("disagreements")) {
    for (const text of [readerText(row.other_value as string, all), readerText(row.resolution as string, all)]) {
      assert.doesNotMatch(text, /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])\b/, `${row.disagreement_id}: ${text}`);
      for (const word of text.match(/[a-z0-9]+(?:_[a-z0-9]+)+/g) ?? []) assert.ok(!keys.has(word), `${row.disagreement_id}: key ${word} in “${text}”`);
    }
  }
});
