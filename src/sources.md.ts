// The sources page, for fact-checkers: every source with its kind, publisher,
// date and address, and every figure, event, rating and statement that rests on
// it. Written at build as plain HTML, so it reads without JavaScript; its head
// carries the data package as a schema.org Dataset.
import {loadFactBase} from "./lib/factbase.js";
import {formatCount} from "./lib/format.js";
import {runLoader} from "./lib/loader.js";
import {datasetJsonLd} from "./lib/dataset-jsonld.js";
import {SOURCE_KINDS, type SourceKind} from "./lib/provenance.js";
import {sourceEntries, TABLE_NAMES, type SourceEntry, type SourceUse} from "./lib/source-uses.js";
import {STATUS_LABELS} from "./lib/status.js";
import {datesInWords} from "./lib/reader-text.js";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const KIND_HEADINGS: Record<SourceKind, string> = {
  "primary document": "Primary documents",
  "original reporting": "Original reporting",
  secondary: "Secondary sources",
  mirror: "Copies of other outlets' pages"
};

const ROLE_TEXT: Record<SourceUse["role"], string> = {
  lead: "Cited for",
  further: "Also states",
  disagrees: "Disagrees"
};

/** An anchor made from a heading's words ("BBC News" → "bbc-news"). */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function useItem(use: SourceUse): string {
  const status = use.status && use.status !== "final" ? ` <span class="status-badge status-${use.status}">${escape(STATUS_LABELS[use.status].toLowerCase())}</span>` : "";
  return `<li><span class="source-use-role">${ROLE_TEXT[use.role]}:</span> ${escape(TABLE_NAMES[use.table].toLowerCase())}, ${escape(use.label)}${status}</li>`;
}

/** One source in a line: its title linking to it, its date, a copy's original, and what rests on it one click away. */
function entry(source: SourceEntry): string {
  const date = source.published ? `, <time>${escape(source.published)}</time>` : "";
  const copy = source.copyOf ? ` <span class="source-copy">A copy of ${escape(datesInWords(source.copyOf.replace(/\s*\([a-z0-9_]+\)/g, "")))}.</span>` : "";
  const uses = source.uses.length
    ? ` <details class="source-uses-list"><summary>What rests on it (${formatCount(source.uses.length)})</summary><ul class="source-uses">${source.uses.map(useItem).join("")}</ul></details>`
    : ` <span class="source-unused">Background only.</span>`;
  return `<li class="source-entry" id="source-${source.id}" data-sourced><a class="source-link" href="${escape(source.url)}" rel="noopener noreferrer">${escape(source.title)}</a>${date}.${copy}${uses}</li>`;
}

/** A publisher's sources, newest first, under its name. */
function publisherSection(kind: SourceKind, publisher: string, list: SourceEntry[]): string {
  return `<section class="source-publisher" id="${slug(`${kind} ${publisher}`)}">
<h3>${escape(publisher)} <span class="source-count">(${formatCount(list.length)})</span></h3>
<ul class="source-list">
${list.map(entry).join("\n")}
</ul>
</section>`;
}

/** The sources of one kind, by publisher: the publishers with most sources first, then by name. */
function byPublisher(list: SourceEntry[]): [string, SourceEntry[]][] {
  const groups = new Map<string, SourceEntry[]>();
  for (const source of list) groups.set(source.publisher, [...(groups.get(source.publisher) ?? []), source]);
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
}

await runLoader(() => {
  const facts = loadFactBase();
  const entries = sourceEntries(facts).sort((a, b) => a.title.localeCompare(b.title));
  const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];
  const counted = kinds.map((kind) => [kind, byPublisher(entries.filter((e) => e.kind === kind))] as const).filter(([, groups]) => groups.length);
  // The contents: each kind, with its publishers as links, so a reader goes straight to the BBC or the CQC.
  const contents = counted
    .map(([kind, groups]) => {
      const total = groups.reduce((n, [, list]) => n + list.length, 0);
      const publishers = groups.map(([publisher, list]) => `<a href="#${slug(`${kind} ${publisher}`)}">${escape(publisher)}</a>${list.length > 1 ? ` (${formatCount(list.length)})` : ""}`).join(", ");
      return `<li data-sourced><a href="#${slug(kind)}"><strong>${KIND_HEADINGS[kind]}</strong></a>, ${formatCount(total)}: ${escape(SOURCE_KINDS[kind])}.<br><span class="source-contents-publishers">${publishers}</span></li>`;
    })
    .join("\n");
  const sections = counted
    .map(([kind, groups]) => `<h2 id="${slug(kind)}">${KIND_HEADINGS[kind]}</h2>\n${groups.map(([publisher, list]) => publisherSection(kind, publisher, list)).join("\n")}`)
    .join("\n\n");
  return `---
title: Sources
toc: false
head: ${JSON.stringify(`<link rel="icon" href="data:,"><script type="application/ld+json">${JSON.stringify(datasetJsonLd(facts)).replace(/</g, "\\u003c")}</script>`)}
---

# Sources

<p class="lede">Every page this notebook cites, ${formatCount(entries.length)} in all, grouped by the kind of source and by publisher. A figure is shown as final only when a primary document or original reporting states it; a figure that rests only on a secondary source or a copy is marked as secondary wherever it appears.</p>

<nav aria-label="Sources by kind and publisher">
<ul class="source-summary">
${contents}
</ul>
</nav>

Where two sources give different values for the same thing, the page uses the better-attested value and the figure's card gives both; each disagreement is listed under the source that disagrees.

${sections}
`;
});
