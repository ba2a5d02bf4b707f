/**
 * Every page of the site (test/browser/page-checks.ts says what each passes;
 * the embeds are in embed-pages.test.ts), and a declared expectation for
 * every page the export has.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {builtPages} from "../helpers/site.js";
import {PAGE_EXPECTATIONS} from "./expectations.js";
import {checkPages} from "./page-checks.js";

test("every built page has expectations declared", async () => {
  const pages = await builtPages();
  const undeclared = pages.filter((p) => !(p in PAGE_EXPECTATIONS));
  assert.deepEqual(undeclared, [], "declare each new page in test/browser/expectations.ts");
});

checkPages((path) => !path.startsWith("/embed/"));
