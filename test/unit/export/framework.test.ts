/**
 * The build refuses an export with a broken link: the links Framework lists
 * under its warning are read from its output, coloured or not, and nothing
 * else it prints is taken for one.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {brokenLinksIn} from "../../../scripts/export/framework.js";

test("the broken links Framework lists are read from its output", () => {
  // As Framework 1.13.4 prints them (build.js): the warning, then one line per link.
  const plain = ["└── timeline            18 kB       452 kB       238 kB", "", "Warning: 2 broken links (96 validated)", "↳ /crisis-2016 → /timeline#period=crisis", "↳ /deaths → /gone", ""].join("\n");
  assert.deepEqual(brokenLinksIn(plain), ["/crisis-2016 → /timeline#period=crisis", "/deaths → /gone"]);
  // In a terminal that asks for colour, the arrows are grey and the target red.
  const coloured = "\x1b[90m↳\x1b[39m /crisis-2016 \x1b[90m→\x1b[39m \x1b[31m/timeline#period=crisis\x1b[39m\n";
  assert.deepEqual(brokenLinksIn(coloured), ["/crisis-2016 → /timeline#period=crisis"]);
});

test("a build with every link valid has none", () => {
  assert.deepEqual(brokenLinksIn("built 12 pages in src\n\n97 links validated\n"), []);
});
