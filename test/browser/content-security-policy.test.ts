/**
 * Data that never leaves: the control for the check every page passes
 * (test/browser/page-checks.ts tries a fetch, an image, a beacon and a
 * WebSocket to another origin from each page and embed, and sees each
 * refused by the page's policy and never arrive). Here the same attempts, from
 * a page of the site's origin without the policy, reach the other origin: the
 * other origin is real and counts what arrives, so that check can fail.
 */
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {serve, type StaticServer} from "../../scripts/export/static-server.js";
import {until} from "../helpers/until.js";
import {otherOrigin, tryToLeave, WAYS_OUT} from "../helpers/other-origin.js";
import {siteSession} from "../helpers/session.js";
import {distDir} from "../helpers/site.js";

const session = siteSession();
const elsewhere = otherOrigin();
/** A page of the site's origin without the policy. */
let control: StaticServer;

before(async () => {
  control = await serve(distDir, {extra: {"/control": "<!DOCTYPE html><html lang=en><title>control</title><p>no policy</p>"}});
});

after(() => control?.close());

test("without the policy, each attempt reaches the other origin (the control)", async () => {
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${control.origin}/control`);
    assert.deepEqual(await tryToLeave(page, elsewhere, "control"), [], "no policy, no violation");
    // A beacon is sent after the page has moved on: wait for every way to arrive.
    await until(async () => WAYS_OUT.every(({way}) => elsewhere.arrived.includes(`/${way}-control`)), 5000);
    for (const {way} of WAYS_OUT) assert.ok(elsewhere.arrived.includes(`/${way}-control`), `${way} reached the other origin: ${elsewhere.arrived.join(", ")}`);
  } finally {
    await context.close();
  }
});
