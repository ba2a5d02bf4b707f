/**
 * "Says who?": a figure in the prose that opens, on hover, keyboard focus or
 * tap, a card with its definition, status and source. Draft and secondary
 * figures carry a visible badge wherever they appear.
 */
import type {Disagreement, Figure, SourceRef} from "../../lib/story/figures.js";
import {STATUS_LABELS, STATUS_MARKS, STATUS_NOTES} from "../../lib/story/status.js";
import {element} from "../dom.js";

import {formatCount, formatDate, formatInterval, precisionOf} from "../../lib/story/format.js";
import {fieldName} from "../../lib/story/reader-text.js";
import {shareCounts} from "../../lib/story/checked-lookups.js";

let factCount = 0;

/**
 * A card that opens on hover and focus (by CSS) also opens on a tap or a click
 * of its button, and closes on Escape, on a tap outside it, or when focus
 * leaves it. Wherever it opens it is kept inside the screen: beside its figure
 * on a wide screen, as a sheet along the bottom of a phone's (by CSS).
 */
function opensOnTap(root: HTMLElement, button: HTMLButtonElement): void {
  const card = () => root.querySelector<HTMLElement>(":scope > .fact-card");
  const outside = (event: PointerEvent) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  };
  const setOpen = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    root.toggleAttribute("data-open", open);
    // Closed by the reader: hidden even while the button keeps focus or the pointer, until focus leaves.
    root.toggleAttribute("data-dismissed", !open);
    if (open) placeInView(card()), document.addEventListener("pointerdown", outside, true);
    else document.removeEventListener("pointerdown", outside, true);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  root.addEventListener("pointerenter", () => placeInView(card()));
  root.addEventListener("focusin", () => placeInView(card()));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false), button.focus();
  });
  root.addEventListener("focusout", (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) setOpen(false), root.removeAttribute("data-dismissed");
  });
}

/** Shifts a card opened beside its figure back inside the screen's width (a phone's sheet needs no shift). */
function placeInView(card: HTMLElement | null): void {
  if (!card) return;
  card.style.removeProperty("--card-shift");
  requestAnimationFrame(() => {
    if (getComputedStyle(card).position !== "absolute") return;
    const box = card.getBoundingClientRect();
    const margin = 8;
    const right = document.documentElement.clientWidth - margin;
    const shift = box.right > right ? right - box.right : box.left < margin ? margin - box.left : 0;
    if (shift) card.style.setProperty("--card-shift", `${Math.round(shift)}px`);
  });
}

/**
 * The one mark a figure or a date carries in a sentence: a letter for a status
 * that is not final, or ≠ where sources differ. CSS draws it from `data-mark`,
 * so it is no part of the sentence's text: copying "337 deaths" (or reading
 * the page's text) gives "337 deaths", never "337S deaths". It is hidden from
 * screen readers, which hear the status in the card that describes the figure.
 */
function markOf(text: string, className: string, title: string): HTMLElement {
  const mark = element("sup", `status-mark ${className}`);
  mark.dataset.mark = text;
  mark.title = title;
  mark.setAttribute("aria-hidden", "true");
  return mark;
}

/** A date of a sourced record, as a <time> element: machine-readable, and marked as coming from the record. */
export function dateOf(record: {date: string; date_precision: string} | {[column: string]: unknown}, column = "date"): HTMLElement {
  const fields: {[column: string]: unknown} = record;
  const value = fields[column];
  if (typeof value !== "string") throw new Error(`the record has no date in '${column}'`);
  const precision = precisionOf(fields[`${column}_precision`]);
  const time = element("time", "record-date", formatDate(value, precision));
  time.dateTime = value;
  // Where another source dates it differently, the date says so, and the reader can open why.
  const disputed = ("disagreements" in record && Array.isArray(record.disagreements) ? (record.disagreements as Disagreement[]) : []).filter((d) => d.field === column);
  if (!disputed.length) return time;
  const span = element("span", "record-date-disputed");
  const button = element("button", "fact-value record-date-value");
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.append(time);
  const card = element("span", "fact-card");
  card.setAttribute("role", "note");
  card.id = `fact-card-${++factCount}`;
  button.setAttribute("aria-describedby", card.id);
  card.append(sourcesDiffer(disputed));
  opensOnTap(span, button);
  span.append(button, markOf("≠", "differ-mark", "Sources differ on this date: open it"), card);
  return span;
}

/** "on 16 March 2016" but "in March 2016": the preposition follows the date's precision. */
export function onDate(record: {[column: string]: unknown}, column = "date", {capital = false} = {}): HTMLElement {
  const precision = record[`${column}_precision`];
  const word = precision === "day" ? "on" : "in";
  const span = element("span", "record-when", `${capital ? word.charAt(0).toUpperCase() + word.slice(1) : word} `);
  span.append(dateOf(record, column));
  return span;
}

/** A source's own words, quoted, followed by a link to the source. */
export function quoted(record: {quote: unknown; source: SourceRef}): HTMLElement {
  const span = element("span", "record-quote");
  const words = element("q", "", String(record.quote));
  words.dataset.sourced = "";
  span.append(words, " (", sourceLink(record.source), ")");
  return span;
}

/** The period a figure covers ("April 2011 to March 2015"), marked as part of that figure. */
export function periodOf(figure: Figure): HTMLElement {
  const span = element("span", "figure-period", figure.period ?? "");
  span.dataset.figure = figure.id;
  return span;
}

/** A figure's label set in prose ("deaths reported on Ulysses"), marked as part of that figure. */
export function labelOf(figure: Figure, text = figure.label): HTMLElement {
  const span = element("span", "figure-label", text);
  span.dataset.figure = figure.id;
  return span;
}

/**
 * A count of the notebook's own records ("51 events"), each of which carries
 * its own source: marked with the table it counts, so it is not mistaken for
 * a figure from a source.
 */
export function countOf(n: number, what: string, table: string): HTMLElement {
  const span = element("span", "record-count", formatCount(n));
  span.dataset.countOf = table;
  span.title = `Counted from the ${what} in this notebook's record; each cites its source`;
  return span;
}

/** "137 of 397": the counts behind a computed share, opening the share's own card. */
export function countsOf(figure: Figure): HTMLElement {
  const {numerator, denominator} = shareCounts(figure);
  return fact(figure, {text: `${formatCount(numerator)} of ${formatCount(denominator)}`, part: "counts"});
}

/** "34.2%–41.3%": a share's 95% interval, opening the share's own card. */
export function intervalOf(figure: Figure): HTMLElement {
  const {interval} = shareCounts(figure);
  return fact(figure, {text: formatInterval(interval.lower, interval.upper), part: "interval"});
}

/**
 * The sources page's entry for a source. This module is served from
 * _import/components/prose/ at the site's root, so the page is three levels up from
 * it wherever the page that uses it sits (a story page or an embed).
 */
export function sourcesPageHref(source: SourceRef): string {
  // Drawn at build (in Node) the module is a file: the link is written for a page at the site's root,
  // and the embed pages, one level down, rewrite it (scripts/prerender/embed-page.ts).
  if (import.meta.url.startsWith("file:")) return `./sources#source-${source.id}`;
  return new URL(`../../../sources#source-${source.id}`, import.meta.url).href;
}

/**
 * A short numbered note for a chart's source line: who (the publisher, or the document a page reprints)
 * and when, linking to the sources page. A page that counts as secondary says so, and a copy of
 * another outlet's page says that.
 */
export function sourceNote(source: SourceRef): HTMLLIElement {
  const item = element("li", "source-note");
  const copied = source.kind === "mirror" || (source.copy !== null && source.copy.type !== "in part" && source.copy.ofKind !== "primary document");
  const weak = source.standing === "secondary" || source.standing === "mirror" ? ` (${copied ? "copy of another outlet's page" : "secondary source"})` : "";
  const link = element("a", "source-note-link", `${source.credit}${source.published ? `, ${source.published}` : ""}${weak}`);
  link.href = source.kind === "query" ? source.url : sourcesPageHref(source);
  link.title = source.title;
  item.append(link);
  return item;
}

export function sourceLink(source: SourceRef): HTMLAnchorElement {
  const link = element("a", "source-link", `${source.credit}: ${source.title}${source.published ? ` (${source.published})` : ""}`);
  link.href = source.url;
  link.rel = "noopener noreferrer";
  // The source's own title and date, not a figure of ours.
  link.dataset.sourced = "";
  return link;
}

/** A badge for figures that are not final, so that no reader mistakes them for it. */
export function statusBadge(status: Figure["status"]): HTMLElement | null {
  if (status === "final") return null;
  const badge = element("span", `status-badge status-${status}`, STATUS_LABELS[status].toLowerCase());
  return badge;
}

/**
 * "Sources differ": what another source says instead, with its words and why
 * the notebook keeps its value. Shown wherever a disputed record is read.
 */
export function sourcesDiffer(disagreements: Disagreement[]): HTMLElement {
  const root = element("span", "sources-differ");
  root.append(element("strong", "sources-differ-label", "Sources differ. "));
  disagreements.forEach((d, i) => {
    if (i > 0) root.append(" ");
    const other = element("span", "sources-differ-item", `${d.source.credit} gives the ${fieldName(d.field)} as “${d.otherValue}”: `);
    other.append(element("q", "", d.quote), ` (`, sourceLink(d.source), `). ${d.resolution}`);
    root.append(other);
  });
  root.dataset.sourced = "";
  return root;
}

/**
 * A disclosure that can sit in a sentence: phrasing content only, because a `<details>` inside a
 * `<p>` cannot be written in HTML (the parser closes the paragraph before it), so the page drawn
 * at build could not hold it. It opens as a figure's card does: on hover, keyboard focus or tap.
 */
export function inlineDisclosure(label: string, content: Node): HTMLElement {
  const root = element("span", "inline-disclosure");
  const button = element("button", "inline-disclosure-toggle", label);
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  const card = element("span", "fact-card");
  card.setAttribute("role", "note");
  card.append(content);
  opensOnTap(root, button);
  root.append(button, card);
  return root;
}

/** A closed disclosure: a short label a reader can open for the detail. */
export function disclosure(label: string, content: Node): HTMLDetailsElement {
  const details = element("details", "disclosure");
  details.append(element("summary", "", label), content);
  return details;
}

/** The figure's status in words, for its card: "Final", or what a weaker status means. */
function statusInWords(figure: Figure): string {
  const computed = figure.derived ? ", computed from counts" : "";
  if (figure.status === "final") return `Final: stated by a primary document or original reporting${computed}.`;
  return `${STATUS_LABELS[figure.status]}${computed}: ${STATUS_NOTES[figure.status]}`;
}

/** The lead source, and the others behind "+N more", which opens in the card. */
function sourcesOf(figure: Figure): HTMLElement {
  const [lead, ...more] = figure.sources;
  const line = element("span", "fact-sources", "Source: ");
  if (!lead) return line;
  line.append(sourceLink(lead));
  if (!more.length) return line;
  const list = element("span", "fact-more-sources");
  list.hidden = true;
  more.forEach((source, i) => list.append(i ? "; " : "", sourceLink(source)));
  const toggle = element("button", "fact-more", `+${more.length} more`);
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", () => {
    list.hidden = !list.hidden;
    toggle.setAttribute("aria-expanded", String(!list.hidden));
    toggle.textContent = list.hidden ? `+${more.length} more` : "fewer";
  });
  line.append(" ", toggle, " ", list);
  return line;
}

/** A figure in the prose; `part` marks text that shows a part of it (its counts or interval) instead of its value. */
export function fact(figure: Figure, {text = figure.display, part}: {text?: string; part?: "counts" | "interval"} = {}): HTMLElement {
  const id = `fact-card-${++factCount}`;
  const root = element("span", `fact fact-${figure.status}`);
  root.dataset.figure = figure.id;
  if (part) root.dataset.part = part;
  const button = element("button", "fact-value", text);
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", id);
  button.setAttribute("aria-describedby", id);
  const card = element("span", "fact-card");
  card.id = id;
  card.setAttribute("role", "note");
  card.append(element("strong", "fact-label", figure.label));
  // A stated figure's definition opens with its label ("Deaths … as unexpected. Mazars review, …"): said once.
  const definition = figure.definition.startsWith(`${figure.label}.`) ? figure.definition.slice(figure.label.length + 1).trim() : figure.definition;
  if (definition) card.append(element("span", "fact-definition", definition));
  card.append(element("span", `fact-status fact-status-${figure.status}`, statusInWords(figure)));
  card.append(sourcesOf(figure));
  if (figure.quote) card.append(element("q", "fact-quote", figure.quote));
  if (figure.disagreements?.length) card.append(sourcesDiffer(figure.disagreements));
  opensOnTap(root, button);
  root.append(button);
  // One mark at most: the status when it is not final (its card also gives any disagreement), else ≠
  // where its own value is disputed (a share made from a disputed count lists it in its card).
  if (STATUS_MARKS[figure.status]) root.append(markOf(STATUS_MARKS[figure.status], `status-${figure.status}`, STATUS_LABELS[figure.status]));
  else if (figure.disagreements?.length && !figure.derived) root.append(markOf("≠", "differ-mark", "Sources differ: open the figure"));
  root.append(card);
  return root;
}
