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
import {publisherName, type CopyType} from "./lib/copies.js";
import {refusedHost} from "./lib/refused-hosts.js";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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
  const status = use.status && use.status !== "final" ? ` <span class="status-badge status-${use.status}">${escape(STATUS_LABELS[use.status].toLowerCase())}</span>` : "";
  return `<li><span class="source-use-role">${ROLE_TEXT[use.role]}</span> ${escape(TABLE_NAMES[use.table])} <code>${escape(use.record)}</code>: ${escape(use.label)}${status}</li>`;
}

const COPY_TEXT: Record<CopyType, string> = {
  reprint: "A reprint of",
  rewrite: "A rewrite of",
  "in part": "Its own report, reusing passages first published in"
};

/** What a copy is, what that makes it, and how that was found: "A reprint of NHS England's release (a primary document), so it counts as that document …". */
function copyText(source: SourceEntry, evidence: string, byId: Map<string, SourceEntry>): string {
  const copy = source.copy!;
  const original = copy.ofSourceId && byId.has(copy.ofSourceId) ? `; <a href="#source-${copy.ofSourceId}">its own page in the record</a>` : "";
  const verdict =
    copy.type === "in part"
      ? "; a record resting on those passages cites the original or is dated by it"
      : source.standing === "primary document"
        ? `, so it counts as that document: ${escape(source.credit)}`
        : source.standing === "original reporting"
          ? ", so it counts as reporting of that document"
          : ", so it counts as a copy: nothing rests on it as fact";
  return ` <span class="source-copy">${COPY_TEXT[copy.type]} ${escape(copy.of)} (${escape(copy.ofKind)}${original})${verdict}. How we know: ${escape(evidence)}</span>`;
}

function entry(source: SourceEntry, evidence: Map<string, string>, copiedBy: Map<string, SourceEntry[]>, byId: Map<string, SourceEntry>): string {
  const date = source.published ? `, <time>${escape(source.published)}</time>` : ", date not stated";
  const copy = source.copy ? copyText(source, evidence.get(source.id) ?? "", byId) : "";
  const refused = refusedHost(source.url);
  const refusedText = refused ? ` <span class="source-refused">Its site is ${escape(refused.reason)}: it leads no record.</span>` : "";
  const copies = copiedBy.get(source.id) ?? [];
  const copiedText = copies.length ? ` <span class="source-copied-by">Reprinted or retold by: ${copies.map((c) => `<a href="#source-${c.id}">${escape(publisherName(c.publisher))}</a>`).join(", ")}.</span>` : "";
  const uses = source.uses.length
    ? `<details><summary>What rests on it (${formatCount(source.uses.length)})</summary><ul class="source-uses">${source.uses.map(useItem).join("")}</ul></details>`
    : `<p class="source-unused">Nothing in the fact base cites it.</p>`;
  return `<section class="source-entry" id="source-${source.id}" data-sourced>
<h3><a class="source-link" href="${escape(source.url)}" rel="noopener noreferrer">${escape(source.title)}</a></h3>
<p class="source-meta">${escape(source.publisher)}${date}. <span class="source-kind source-kind-${source.kind.replace(" ", "-")}">${escape(source.kind)}</span>.${copy}${refusedText}${copiedText} <span class="source-url">${escape(source.url)}</span></p>
${uses}
</section>`;
}

await runLoader(() => {
  const facts = loadFactBase();
  const entries = sourceEntries(facts).sort((a, b) => a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const evidence = new Map(facts.rows("sources").map((r) => [r.source_id, r.copy_evidence ?? ""]));
  const copiedBy = new Map<string, SourceEntry[]>();
  for (const e of entries) if (e.copy?.ofSourceId) copiedBy.set(e.copy.ofSourceId, [...(copiedBy.get(e.copy.ofSourceId) ?? []), e]);
  // Grouped by standing: a reprint of a primary document is listed with the primary documents, a copy of another outlet's story with the copies.
  const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];
  const counted = kinds.map((kind) => [kind, entries.filter((e) => e.standing === kind)] as const);
  const summary = counted.map(([kind, list]) => `<li data-sourced><a href="#${kind.replace(" ", "-")}">${KIND_HEADINGS[kind]}</a>: ${formatCount(list.length)}. ${escape(SOURCE_KINDS[kind])}.</li>`).join("\n");
  const sections = counted
    .filter(([, list]) => list.length)
    .map(([kind, list]) => `<h2 id="${kind.replace(" ", "-")}">${KIND_HEADINGS[kind]}</h2>\n${list.map((e) => entry(e, evidence, copiedBy, byId)).join("\n")}`)
    .join("\n\n");
  return `---
title: Sources
toc: false
head: ${JSON.stringify(`<script type="application/ld+json">${JSON.stringify(datasetJsonLd(facts)).replace(/</g, "\\u003c")}</script>`)}
---

# Sources

<p class="lede">Every page the notebook cites, what kind of source it is, and what rests on it. A figure is shown as final only when a primary document or original reporting states it; a figure that rests only on a secondary source or a copy is labelled secondary wherever it appears. A page that reprints a primary document counts as that document and is named for it; a page that copies another outlet's story counts as a copy.</p>

<ul class="source-summary">
${summary}
</ul>

Where two sources give different values for the same thing, the data keeps the better-attested value and the page says that the sources differ; each disagreement is listed under the source that disagrees.

${sections}
`;
});
