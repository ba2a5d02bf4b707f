// Screenshot of a built page, for looking at what readers see: tsx scripts/dev/screenshot.ts PATH OUT.png [light|dark] [width]
import {launchBrowser} from "../../test/helpers/browser.js";
import {serve} from "../../test/helpers/server.js";
const [path = "", out = "/tmp/shot.png", scheme = "light", w = "1200"] = process.argv.slice(2);
const server = await serve(process.env.SHFT_DIST ?? new URL("../../dist", import.meta.url).pathname);
const browser = await launchBrowser();
const ctx = await browser.newContext({colorScheme: scheme as any, viewport: {width: Number(w), height: 900}});
const page = await ctx.newPage();
page.on("console", (m) => console.log("console:", m.type(), m.text()));
await page.goto(server.url + path);
await page.waitForLoadState("networkidle");
await page.waitForTimeout(500);
await page.screenshot({path: out, fullPage: true});
await browser.close(); await server.close();
