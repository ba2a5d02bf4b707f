/**
 * A chart's source line, as Datawrapper writes one: "Sources: Care Quality
 * Commission, BBC and 14 others", with the full numbered list one click away.
 * A chart with a few sources lists them all; a chart drawn from many shows no
 * wall of links until the reader asks for them.
 */
import type {SourceRef} from "../../lib/story/figures.js";
import {uniqueSources} from "../../lib/story/source-list.js";
import {element} from "../dom.js";
import {sourceNote} from "../prose/fact.js";

/** Up to this many sources are listed as links under a chart; more are named in short and listed on request. */
export const VISIBLE_SOURCES = 5;
/** How many publishers the short line names before "and N others". */
const NAMED_PUBLISHERS = 2;

/**
 * "Care Quality Commission, BBC News and 14 others": the publishers the chart rests on most, those of
 * primary documents and original reporting first, then a count of the rest.
 */
export function sourcesInShort(sources: SourceRef[]): string {
  const strong = (s: SourceRef) => s.standing === "primary document" || s.standing === "original reporting";
  const weight = new Map<string, number>();
  for (const s of sources) weight.set(s.publisher, (weight.get(s.publisher) ?? 0) + (strong(s) ? 1000 : 1));
  // A stable sort: publishers of equal weight keep the order in which the chart cites them.
  const publishers = [...weight.keys()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
  const named = publishers.slice(0, NAMED_PUBLISHERS);
  const others = sources.filter((s) => !named.includes(s.publisher)).length;
  if (!others) return named.join(" and ");
  return `${named.join(", ")} and ${others} other${others === 1 ? "" : "s"}`;
}

export function SourceLine(all: SourceRef[]): HTMLElement {
  const sources = uniqueSources(all);
  const line = element("div", "chart-source");
  const list = element("ol", "source-notes");
  const notes = sources.map(sourceNote);
  // The separator is text, not only drawn by the stylesheet: a reader who copies the line, or reads
  // it without styles, gets "A; B", not "AB".
  for (const note of notes.slice(0, -1)) note.append("; ");
  list.append(...notes);
  line.append(sources.length > 1 ? "Sources: " : "Source: ");
  if (sources.length <= VISIBLE_SOURCES) {
    line.append(list);
    return line;
  }
  const details = element("details", "source-details");
  const summary = element("summary", "source-summary-line", sourcesInShort(sources));
  summary.title = "Show every source";
  details.append(summary, list);
  line.append(details);
  return line;
}

/**
 * The source line of a chart image, where nothing can be clicked: every source, separated, when
 * the frame lists them all under the chart; the frame's short line ("Sources: Care Quality
 * Commission, Hansard and 10 others") when it keeps a long list one click away, so that an image
 * carries one line of sources, not a wall of them. Read from the frame's own source line, so the
 * image says what the page says.
 */
export function imageSourceLine(frame: Element): string {
  const line = frame.querySelector(".chart-source");
  if (!line) return "";
  const clean = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
  const lead = clean([...line.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent).join(""));
  const short = line.querySelector(".source-summary-line");
  if (short) return `${lead} ${clean(short.textContent)}, every one listed under the chart in the notebook.`;
  const items = [...line.querySelectorAll("li")].map((item) => clean(item.textContent).replace(/;$/, "")).filter(Boolean);
  return items.length ? `${lead} ${items.join("; ")}` : clean(line.textContent);
}

/** The notes under a chart (what a hollow mark means, what is left out), for an image that stands alone. */
export function imageNotes(frame: Element): string[] {
  return [...frame.querySelectorAll(".chart-notes li")].map((item) => (item.textContent ?? "").replace(/\s+/g, " ").trim()).filter(Boolean);
}
