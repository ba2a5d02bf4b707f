/**
 * The sources page, for fact-checkers: every source with its kind, publisher,
 * date and address, and every figure, event, rating and statement that rests on
 * it. Written at build as plain HTML (by the page loader src/sources.md.ts), so
 * it reads without JavaScript. (Its head carries the data package as a
 * schema.org Dataset: scripts/config/page-head.ts.)
 */
import type {FactBase} from "../factbase/factbase.js";
import {escapeHtml, formatCount} from "./format.js";
import {SOURCE_KINDS, type SourceKind} from "../factbase/provenance.js";
import {sourceEntries, TABLE_NAMES, type SourceEntry, type SourceUse} from "./source-uses.js";
import {STATUS_LABELS} from "./status.js";
import {datesInWords} from "./reader-text.js";
import {publisherName, type CopyType} from "../factbase/copies.js";
import {refusedHost} from "../factbase/refused-hosts.js";


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
  const status = use.status && use.status !== "final" ? ` <span class="status-badge status-${use.status}">${escapeHtml(STATUS_LABELS[use.status].toLowerCase())}</span>` : "";
  return `<li><span class="source-use-role">${ROLE_TEXT[use.role]}:</span> ${escapeHtml((TABLE_NAMES[use.table] ?? use.table).toLowerCase())}, ${escapeHtml(use.label)}${status}</li>`;
}

const COPY_TEXT: Record<CopyType, string> = {
  reprint: "A reprint of",
  rewrite: "A rewrite of",
  "in part": "Its own report, reusing passages first published in"
};

/** What a copy is and what that makes it: "A reprint of NHS England's release (a primary document), so it counts as that document …". */
function copyText(source: SourceEntry, evidence: string, byId: Map<string, SourceEntry>): string {
  const copy = source.copy!;
  const original = copy.ofSourceId && byId.has(copy.ofSourceId) ? `; <a href="#source-${copy.ofSourceId}">the original</a>` : "";
  const verdict =
    copy.type === "in part"
      ? "; a record resting on those passages cites the original or is dated by it"
      : source.standing === "primary document"
        ? `, so it counts as that document: ${escapeHtml(source.credit)}`
        : source.standing === "original reporting"
          ? ", so it counts as reporting of that document"
          : ", so it counts as a copy: nothing rests on it as fact";
  return ` <span class="source-copy">${COPY_TEXT[copy.type]} ${escapeHtml(datesInWords(copy.of))} (${escapeHtml(copy.ofKind)}${original})${verdict}. How we know: ${escapeHtml(datesInWords(evidence))}</span>`;
}

interface Copies {
  evidence: Map<string, string>;
  copiedBy: Map<string, SourceEntry[]>;
  byId: Map<string, SourceEntry>;
}

/** One source in a line: its title linking to it, its date, what it copies or who copied it, and what rests on it one click away. */
function entry(source: SourceEntry, {evidence, copiedBy, byId}: Copies): string {
  const date = source.published ? `, <time>${escapeHtml(source.published)}</time>` : "";
  const copy = source.copy ? copyText(source, evidence.get(source.id) ?? "", byId) : "";
  const refused = refusedHost(source.url);
  const refusedText = refused ? ` <span class="source-refused">Its site is ${escapeHtml(refused.reason)}: no figure or event here rests on it.</span>` : "";
  const copies = copiedBy.get(source.id) ?? [];
  const copied = copies.length ? ` <span class="source-copied-by">Reprinted or retold by ${copies.map((c) => `<a href="#source-${c.id}">${escapeHtml(publisherName(c.publisher))}</a>`).join(", ")}.</span>` : "";
  const uses = source.uses.length
    ? ` <details class="source-uses-list"><summary>What it is cited for (${formatCount(source.uses.length)})</summary><ul class="source-uses">${source.uses.map(useItem).join("")}</ul></details>`
    : ` <span class="source-unused">Background only.</span>`;
  return `<li class="source-entry" id="source-${source.id}" data-sourced><a class="source-link" href="${escapeHtml(source.url)}" rel="noopener noreferrer">${escapeHtml(source.title)}</a>${date}.${copy}${refusedText}${copied}${uses}</li>`;
}

/** A publisher's sources, newest first, under its name. */
function publisherSection(kind: SourceKind, publisher: string, list: SourceEntry[], copies: Copies): string {
  return `<section class="source-publisher" id="${slug(`${kind} ${publisher}`)}">
<h3 data-sourced>${escapeHtml(publisher)} <span class="source-count" data-count-of="sources">(${formatCount(list.length)})</span></h3>
<ul class="source-list">
${list.map((e) => entry(e, copies)).join("\n")}
</ul>
</section>`;
}

/** The sources of one kind, by publisher: the publishers with most sources first, then by name. */
function byPublisher(list: SourceEntry[]): [string, SourceEntry[]][] {
  const groups = new Map<string, SourceEntry[]>();
  for (const source of list) groups.set(source.publisher, [...(groups.get(source.publisher) ?? []), source]);
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
}

/** The sources page as Markdown, its lists in HTML. */
export function sourcesPage(facts: FactBase): string {
  const entries = sourceEntries(facts).sort((a, b) => a.title.localeCompare(b.title));
  const copies: Copies = {evidence: new Map(facts.rows("sources").map((r) => [r.source_id, r.copy_evidence ?? ""])), copiedBy: new Map(), byId: new Map(entries.map((e) => [e.id, e]))};
  for (const e of entries) if (e.copy?.ofSourceId) copies.copiedBy.set(e.copy.ofSourceId, [...(copies.copiedBy.get(e.copy.ofSourceId) ?? []), e]);
  // Grouped by standing: a reprint of a primary document is listed with the primary documents, a copy of another outlet's story with the copies.
  const kinds = Object.keys(SOURCE_KINDS) as SourceKind[];
  const counted = kinds.map((kind) => [kind, byPublisher(entries.filter((e) => e.standing === kind))] as const).filter(([, groups]) => groups.length);
  // The contents: each kind, with its publishers as links, so a reader goes straight to the BBC or the CQC.
  const contents = counted
    .map(([kind, groups]) => {
      const total = groups.reduce((n, [, list]) => n + list.length, 0);
      const publishers = groups.map(([publisher, list]) => `<a href="#${slug(`${kind} ${publisher}`)}">${escapeHtml(publisher)}</a>${list.length > 1 ? ` (${formatCount(list.length)})` : ""}`).join(", ");
      return `<li data-sourced><a href="#${slug(kind)}"><strong>${KIND_HEADINGS[kind]}</strong></a>, ${formatCount(total)}: ${escapeHtml(SOURCE_KINDS[kind])}.<br><span class="source-contents-publishers">${publishers}</span></li>`;
    })
    .join("\n");
  const sections = counted
    .map(([kind, groups]) => `<h2 id="${slug(kind)}">${KIND_HEADINGS[kind]}</h2>\n${groups.map(([publisher, list]) => publisherSection(kind, publisher, list, copies)).join("\n")}`)
    .join("\n\n");
  return `---
title: Sources
toc: false
---

# Sources

<p class="lede" data-count-of="sources">Every page this notebook cites, ${formatCount(entries.length)} in all, grouped by the kind of source and by publisher. A figure is shown as final only when a primary document or original reporting states it; a figure that rests only on a secondary source or a copy is marked as secondary wherever it appears.</p>

<nav aria-label="Sources by kind and publisher">
<ul class="source-summary">
${contents}
</ul>
</nav>

Where two sources give different values for the same thing, the page uses the better-attested value and the figure's card gives both; each disagreement is listed under the source that disagrees.

${sections}
`;
}
