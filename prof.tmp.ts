import {launchBrowser} from "./scripts/export/chromium.js";
import {serve} from "./scripts/export/static-server.js";
import {hashForQuery} from "./src/components/workbench/query-url.js";
import {FACT_BASE_QUERY} from "./bench/sql.js";
const server = await serve("dist");
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
const context = await browser.newContext();
const page = await context.newPage();
const t0 = Date.now();
await page.goto(server.url + "explore" + hashForQuery(FACT_BASE_QUERY));
await page.waitForFunction(() => /rows?, \d+ columns? in/.test(document.body.innerText), undefined, {timeout: 60000});
console.log("result after", Date.now() - t0, "ms", await page.evaluate(() => document.querySelector("[data-startup-ms]")?.getAttribute("data-startup-ms")));
const res = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => [r.name.replace(/^.*\//, "").slice(0, 50), Math.round(r.startTime), Math.round(r.duration), (r as PerformanceResourceTiming).transferSize]));
for (const r of res.sort((a, b) => (a[1] as number) - (b[1] as number))) if ((r[1] as number) > 110 || /duckdb|arrow|catalog/.test(String(r[0]))) console.log(String(r[1]).padStart(6), String(r[2]).padStart(6), String(r[3]).padStart(9), r[0]);
await context.close();
}
await browser.close(); await server.close();
