/**
 * The figures sheet: every figure the notebook can state, with its value, unit,
 * definition, status and sources, as figures.json and figures.csv at the root
 * of the export, so that an editor's CMS or a fact-checker reads the numbers
 * from one place. It is computed by the same code as the pages.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {toCsv} from "../../src/components/frame/frame.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {buildFigures, type Figure} from "../../src/lib/story/figures.js";
import {STATUS_LABELS} from "../../src/lib/story/status.js";

export interface SheetEntry {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  display: string;
  definition: string;
  status: Figure["status"];
  /** The status as the pages write it ("Leaked draft"): a display column, like label, display and definition. */
  status_label: string;
  computed: boolean;
  numerator: number | null;
  denominator: number | null;
  ci95_lower_percent: number | null;
  ci95_upper_percent: number | null;
  period: string | null;
  source_urls: string[];
  sources: string[];
}

export function figuresSheet(): SheetEntry[] {
  return [...buildFigures(loadFactBase()).values()].map((f) => ({
    id: f.id,
    label: f.label,
    value: f.value,
    unit: f.unit,
    display: f.display,
    definition: f.definition,
    status: f.status,
    status_label: STATUS_LABELS[f.status],
    computed: f.derived,
    numerator: f.numerator,
    denominator: f.denominator,
    ci95_lower_percent: f.interval ? Number((100 * f.interval.lower).toFixed(2)) : null,
    ci95_upper_percent: f.interval ? Number((100 * f.interval.upper).toFixed(2)) : null,
    period: f.period,
    source_urls: f.sources.map((s) => s.url),
    sources: f.sources.map((s) => `${s.credit}: ${s.title}${s.published ? ` (${s.published})` : ""}`)
  }));
}

export async function writeFiguresSheet(dir: string): Promise<void> {
  const sheet = figuresSheet();
  await writeFile(join(dir, "figures.json"), JSON.stringify({figures: sheet}, null, 2) + "\n");
  await writeFile(join(dir, "figures.csv"), toCsv(sheet.map((e) => ({...e, source_urls: e.source_urls.join(" "), sources: e.sources.join("; ")}))));
}
