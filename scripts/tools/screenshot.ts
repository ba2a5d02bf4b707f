// Screenshot of a built page, for looking at what readers see:
//   tsx scripts/tools/screenshot.ts PATH OUT.png [light|dark] [width] [css selector]
// SHFT_DIST points at another export than dist/; SHFT_NO_JS=1 takes it with JavaScript off.
import {launchBrowser, waitForCells} from "../export/chromium.js";
import {serve} from "../export/static-server.js";

const [path = "", out = "/tmp/shot.png", scheme = "light", width = "1200", selector] = process.argv.slice(2);
const server = await serve(process.env.SHFT_DIST ?? new URL("../../dist", import.meta.url).pathname);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({colorScheme: scheme as "light" | "dark", viewport: {width: Number(width), height: 900}, javaScriptEnabled: !process.env.SHFT_NO_JS});
  const page = await context.newPage();
  page.on("console", (message) => console.log(`console ${message.type()}: ${message.text()}`));
  await page.goto(server.url + path);
  if (!process.env.SHFT_NO_JS) await waitForCells(page);
  if (selector) await page.locator(selector).first().screenshot({path: out});
  else await page.screenshot({path: out, fullPage: true});
} finally {
  await browser.close();
  await server.close();
}
