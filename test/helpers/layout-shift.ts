/**
 * Layout shift of a built page as the benchmark counts it (bench/browser/marks.js,
 * the largest session window of shifts without input, as Chromium and
 * Lighthouse count it). A sum of shifted areas, not a time: deterministic
 * enough to assert. The script is added to a context before its page opens.
 */
import {fileURLToPath} from "node:url";
import type {BrowserContext, Page} from "playwright-core";

const MARKS = fileURLToPath(new URL("../../bench/browser/marks.js", import.meta.url));

/** Makes the context's pages count their layout shifts from their first frame. */
export function countLayoutShifts(context: BrowserContext): Promise<void> {
  return context.addInitScript({path: MARKS});
}

/** The page's layout shift so far; shifts are reported after the frame that caused them, so counted once the frames under way are drawn. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as {__bench: {settledLayoutShift(): Promise<number>}}).__bench.settledLayoutShift());
}
