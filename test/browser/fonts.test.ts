/**
 * A font a page names is the font it shows: the running text is set in the
 * theme's serif and the chart text in its sans, both served from the export
 * and loaded by the browser, not left to a fallback (Times, DejaVu). (That an
 * embed, set in the sans alone, names no font it does not load is checked on
 * its visit: test/browser/page-checks.ts.)
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {THEME} from "../../src/theme.js";
import {siteSession} from "../helpers/session.js";

const site = siteSession();

for (const path of ["", "deaths", "crisis-2016"]) {
  test(`/${path}: the running text's font and the charts' font are loaded, from this site`, async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    try {
      const {page} = await openPage(context, site.server.origin);
      const fontFiles: string[] = [];
      page.on("response", (response) => {
        if (/\.woff2?$/.test(new URL(response.url()).pathname) && response.ok()) fontFiles.push(response.url());
      });
      await page.goto(site.server.url + path);
      await waitForCells(page);
      const shown = await page.evaluate(async () => {
        await document.fonts.ready;
        const loaded: string[] = [];
        document.fonts.forEach((f) => void (f.status === "loaded" && loaded.push(f.family.replace(/"/g, ""))));
        return {body: getComputedStyle(document.querySelector("#observablehq-main p:not([class])")!).fontFamily, loaded};
      });
      const serif = THEME.serif!.family;
      assert.match(shown.body, new RegExp(`^"?${serif}"?`), `the running text names ${serif} first`);
      assert.ok(shown.loaded.includes(serif), `${serif} is loaded (loaded: ${shown.loaded.join(", ") || "none"})`);
      if (THEME.font) assert.ok(shown.loaded.includes(THEME.font.family), `${THEME.font.family} is loaded`);
      assert.ok(fontFiles.length > 0 && fontFiles.every((url) => url.startsWith(site.server.origin)), "the fonts come from the site itself");
    } finally {
      await context.close();
    }
  });
}
