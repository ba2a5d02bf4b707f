// The sources page, for fact-checkers: every source with its kind, publisher,
// date and address, and every figure, event, rating and statement that rests on
// it. Written at build as plain HTML, so it reads without JavaScript; its head
// carries the data package as a schema.org Dataset.
import {loadFactBase} from "./lib/factbase.js";
import {escapeHtml, formatCount} from "./lib/format.js";
import {runLoader} from "./lib/loader.js";
import {datasetJsonLd} from "./lib/dataset-jsonld.js";
import {SOURCE_KINDS, type SourceKind} from "./lib/provenance.js";
import {sourceEntries, TABLE_NAMES, type SourceEntry, type SourceUse} from "./lib/source-uses.js";
import {STATUS_LABELS} from "./lib/status.js";


const KIND_HEADINGS: Record<SourceKind, string> = {
  "primary document": "Primary documents",
  "original reporting": "Original reporting",
  secondary: "Secondary sources",
  mirror: "Copies of other outlets' pages"
};

const ROLE_TEXT: Record<SourceUse["role"], string> = {
  lead: "cited for",
  further: "also states",
  disagrees: "disagrees"
};

function useItem(use: SourceUse): string {
  const status = use.status && use.status !== "final" ? ` <span class="status-badge status-${use.status}">${escapeHtml(STATUS_LABELS[use.status].toLowerCase())}</span>` : "";
  return `<li><span class="source-use-role">${ROLE_TEXT[use.role]}</span> ${escapeHtml(TABLE_NAMES[use.table])} <code>${escapeHtml(use.record)}</code>: ${escapeHtml(use.label)}${status}</li>`;
}

function entry(source: SourceEntry): string {
  const date = source.published ? `, <time>${escapeHtml(source.published)}</time>` : ", date not stated";
  const copy = source.copyOf ? ` <span class="source-copy">A copy of: ${escapeHtml(source.copyOf)}.</span>` : "";
  const uses = source.uses.length
    ? `<details><summary>What rests on it (${formatCount(source.uses.length)})</summary><ul class="source-uses">${source.uses.map(useItem).join("")}</ul></details>`
    : `<p class="source-unused">Nothing in the fact base cites it.</p>`;
  return `<section class="source-entry" id="source-${source.id}" data-sourced>
<h3><a class="source-link" href="${escapeHtml(source.url)}" rel="noopener noreferrer">${escapeHtml(source.title)}</a></h3>
<p class="source-meta">${escapeHtml(source.publisher)}${date}. <span class="source-kind source-kind-${source.kind.replace(" ", "-")}">${escapeHtml(source.kind)}</span>.${copy} <span class="source-url">${escapeHtml(source.url)}</span></p>
${uses}
</section>`;
}

await runLoader(() => {
  const facts = loadFactBase();
  const entries = sourceEntries(facts).sort((a, b) => a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title));
  const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];
  const counted = kinds.map((kind) => [kind, entries.filter((e) => e.kind === kind)] as const);
  const summary = counted.map(([kind, list]) => `<li data-sourced><a href="#${kind.replace(" ", "-")}">${KIND_HEADINGS[kind]}</a>: ${formatCount(list.length)}. ${escapeHtml(SOURCE_KINDS[kind])}.</li>`).join("\n");
  const sections = counted
    .filter(([, list]) => list.length)
    .map(([kind, list]) => `<h2 id="${kind.replace(" ", "-")}">${KIND_HEADINGS[kind]}</h2>\n${list.map(entry).join("\n")}`)
    .join("\n\n");
  return `---
title: Sources
toc: false
head: ${JSON.stringify(`<script type="application/ld+json">${JSON.stringify(datasetJsonLd(facts)).replace(/</g, "\\u003c")}</script>`)}
---

# Sources

<p class="lede">Every page the notebook cites, what kind of source it is, and what rests on it. A figure is shown as final only when a primary document or original reporting states it; a figure that rests only on a secondary source or a copy is labelled secondary wherever it appears.</p>

<ul class="source-summary">
${summary}
</ul>

Where two sources give different values for the same thing, the data keeps the better-attested value and the page says that the sources differ; each disagreement is listed under the source that disagrees.

${sections}
`;
});
