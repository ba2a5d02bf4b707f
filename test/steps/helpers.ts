/**
 * The step tests' common ground: pages as Framework 1.13.4 wrote them
 * (test/fixtures/, saved by scripts/tools/save-fixtures.ts), a build context
 * without a browser, and one step run on one page as the build runs it.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {openPage, serialisePage} from "../../scripts/steps/document.js";
import {pageOf, runSteps, type BuildContext, type DrawnChart, type Step} from "../../scripts/steps/step.js";

const FIXTURES = join(fileURLToPath(new URL(".", import.meta.url)), "..", "fixtures", "framework-1.13.4");

/** A saved page's HTML. */
export function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), "utf8");
}

/** A drawing for each chart id: a frame with a download link, as the chart frame writes one. */
export function drawings(ids: string[]): Map<string, DrawnChart> {
  return new Map(
    ids.map((id) => [
      id,
      {
        id: `chart-${id}`,
        variants: [{min: 0, max: Infinity, html: `<figure><svg height="100"></svg></figure>`}],
        pageHtml: `<figure><div class="chart-body"><svg height="100"></svg></div><a download="${id}.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(`id\r\n${id}\r\n`)}">Get the data (CSV)</a></figure>`
      }
    ])
  );
}

export function context(overrides: Partial<BuildContext> = {}): BuildContext {
  return {site: "/nowhere", charts: new Map(), themed: false, themeCss: async () => "", themePreloads: async () => [], dataDate: Date.UTC(2024, 0, 31), browser: null, files: new Map(), ...overrides};
}

/** Runs the steps on a page as the build does; returns the page after them. */
export async function run(steps: Step[], html: string, file: string, build = context()): Promise<{document: Document; html: string; applied: string[]}> {
  const document = openPage(html);
  const applied = await runSteps(steps, document, pageOf(file), build);
  return {document, html: serialisePage(document), applied};
}

/** The chart ids a saved page marks for drawings. */
export function markedCharts(html: string): string[] {
  return [...html.matchAll(/data-static-chart="([\w-]+)"/g)].map((match) => at(match, 1, "the match"));
}
