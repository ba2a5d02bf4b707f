/**
 * The parts of docs/architecture.md that follow from the code: every chart of
 * the registry (what it reads, which pages draw it, whether it has an embed)
 * and the build's page steps in their order. Written between markers, so the
 * prose around them stays hand-written; a unit test fails while the file and
 * the code disagree.
 *
 *   tsx scripts/tools/architecture-doc.ts     rewrite the generated parts
 */
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {CHART_REGISTRY, CHARTS, type ChartEntry} from "../../src/components/charts/chart-registry.js";
import type {Reads} from "../../src/lib/delivery/chart-reads.js";
import {readsOfPage, storyPages} from "../../src/lib/delivery/page-reads.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {STEPS} from "../steps/index.js";
import type {Step} from "../steps/step.js";

export const ARCHITECTURE_PATH = fileURLToPath(new URL("../../docs/architecture.md", import.meta.url));

function describeReads(reads: Reads): string {
  const parts: string[] = [];
  if (reads.figures) parts.push(`${reads.figures.length} figures`);
  if (reads.claims) parts.push("every claim");
  if (reads.statements) parts.push(`${reads.statements.length} statements`);
  for (const table of ["events", "findings", "ratings", "terms"] as const) {
    const rows = reads[table];
    if (rows === undefined) continue;
    parts.push(rows === "all" ? `every ${table.replace(/s$/, "")}` : typeof rows === "function" ? `the ${table} its window or rule picks` : `${rows.length} ${table} by id`);
  }
  return parts.join("; ");
}

export function renderCharts(registry: Readonly<Record<string, ChartEntry>> = CHART_REGISTRY): string {
  const facts = loadFactBase();
  const pages = storyPages().map((page) => ({page, charts: readsOfPage(facts, CHARTS, page).charts ?? []}));
  const drawnOn = (id: string) =>
    pages
      .filter(({charts}) => charts.includes(id))
      .map(({page}) => `\`${page}\``)
      .join(", ") || "none";
  const rows = Object.entries(registry).map(([id, entry]) => `| \`${id}\` | ${entry.title} | ${describeReads(entry.reads)} | ${drawnOn(id)} | ${entry.draw ? `\`embed/${id}.html\`, \`charts/${id}.svg\`/\`.png\`` : "drawn on its page only"} |`);
  return ["| Chart | Title | Reads | Pages | Embed and images |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

export function renderSteps(steps: readonly Step[] = STEPS): string {
  return steps.map((step, i) => `${i + 1}. **${step.name}** (${step.scope}): ${step.purpose}.`).join("\n");
}

const BLOCKS: Record<string, () => string> = {charts: () => renderCharts(), steps: () => renderSteps()};

/** The document with each generated block rewritten from the code. */
export function renderArchitecture(text: string, blocks: Record<string, () => string> = BLOCKS): string {
  let out = text;
  for (const [name, render] of Object.entries(blocks)) {
    const open = `<!-- generated: ${name} (npm run docs:architecture) -->\n`;
    const close = `\n<!-- end generated: ${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close, start);
    if (start < 0 || end < 0) throw new Error(`docs/architecture.md has no generated block '${name}' (${open.trim()} … ${close.trim()})`);
    out = out.slice(0, start + open.length) + render() + out.slice(end);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ARCHITECTURE_PATH, renderArchitecture(readFileSync(ARCHITECTURE_PATH, "utf8")));
}
