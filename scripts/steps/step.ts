/**
 * What a build step is: a named change to the export's pages, declared with
 * the pages it applies to and a check that it applied. The build parses each
 * page once, runs every step that applies to it in the order of the list
 * (scripts/steps/index.ts) on the one document, and writes it once.
 *
 * A step reports how many changes it made; its check sees that count and the
 * document after the step, and names what is wrong: "found nothing to change"
 * where the step should have changed something is an error like any other, so
 * a Framework upgrade that moves the markup a step looks for stops the build
 * at that step instead of shipping the page without it.
 */
import type {Browser} from "playwright-core";
import type {StaticServer} from "../export/static-server.js";
import type {Variant} from "../prerender/static-html.js";

/** One page of the export, as the steps see it. */
export interface Page {
  /** The file inside the export, e.g. `deaths.html`, `embed/funnel.html`. */
  file: string;
  /** The page's clean URL path: `/`, `/deaths`, `/embed/funnel`. */
  path: string;
  /** How many folders below the export's root the page is. */
  depth: number;
  /** A story page (drawn at build), the SQL workbench, or an embed page the build wrote. */
  kind: "story" | "workbench" | "embed";
}

/** A chart drawn at build (scripts/prerender/static-charts.ts), as the pages take it. */
export interface DrawnChart {
  /** The frame's id, kept on the element that holds the drawings. */
  id: string;
  variants: Variant[];
  /** The frame once, with a drawing per width inside it. */
  pageHtml: string;
}

/** What the steps share for one build. */
export interface BuildContext {
  /** The export being built (the staging folder). */
  site: string;
  /** Every chart drawn at build, by chart id. */
  charts: ReadonlyMap<string, DrawnChart>;
  /** Whether a newsroom theme is set (src/theme.ts), and its CSS for a page at this depth. */
  themed: boolean;
  themeCss(depth: number): Promise<string>;
  /** The theme's font files a page at this depth preloads. */
  themePreloads(depth: number): Promise<string[]>;
  /** The date every data file is given (milliseconds since 1970). */
  dataDate: number;
  /** Chromium and a server of the staging export, when Chromium is installed. */
  browser: {browser: Browser; server: StaticServer; pages: Record<string, string>} | null;
  /** Files a step adds to the export (path inside the export → text), written after the pass. */
  files: Map<string, string>;
}

export interface Step {
  name: string;
  /** Why the step exists, in a sentence (docs/architecture.md lists it). */
  purpose: string;
  /** The pages it applies to, in words (for the docs) and as a test. */
  scope: string;
  appliesTo(page: Page, build: BuildContext): boolean;
  /** Changes the page's document; returns how many changes it made. */
  transform(document: Document, page: Page, build: BuildContext): number | Promise<number>;
  /** After the transform: what is wrong with the page (nothing changed where something should have, markup left behind), or null. */
  check(document: Document, page: Page, changes: number): string | null;
}

/** A step that could not apply to a page; the build stops and the previous export is kept. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly file: string,
    problem: string
  ) {
    super(`${file}: step "${step}": ${problem}`);
  }
}

/** The page a file of the export is. */
export function pageOf(file: string): Page {
  const path = "/" + file.replace(/\.html$/, "").replace(/(^|\/)index$/, "$1");
  const kind = file.startsWith("embed/") ? "embed" : path === "/explore" ? "workbench" : "story";
  return {file, path, depth: file.split("/").length - 1, kind};
}

/** Runs the steps that apply to one page on its document, in order; throws a StepError for the first that fails. */
export async function runSteps(steps: readonly Step[], document: Document, page: Page, build: BuildContext): Promise<string[]> {
  const applied: string[] = [];
  for (const step of steps) {
    if (!step.appliesTo(page, build)) continue;
    let changes: number;
    try {
      changes = await step.transform(document, page, build);
    } catch (error) {
      if (error instanceof StepError) throw error;
      throw new StepError(step.name, page.file, error instanceof Error ? error.message : String(error));
    }
    const problem = step.check(document, page, changes);
    if (problem) throw new StepError(step.name, page.file, problem);
    applied.push(step.name);
  }
  return applied;
}
