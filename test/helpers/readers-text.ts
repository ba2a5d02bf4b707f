/**
 * What a reader reads in a built page, embed or chart image: its text nodes,
 * outside scripts, styles and the head, and the words of its labels and
 * titles (tooltips, screen-reader names); and what must not be in it: a key
 * of the fact base (every id in data/*.csv), an ISO date, a machine's
 * identifier, or the shorthand of notes kept for ourselves.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parse, parseFragment} from "parse5";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {projectRoot} from "./site.js";

interface Node {
  nodeName: string;
  value?: string;
  attrs?: {name: string; value: string}[];
  childNodes?: Node[];
  content?: Node;
}

/** Elements whose content no reader sees as text. */
const UNSEEN = new Set(["script", "style", "head", "template", "noscript", "code", "pre", "textarea"]);
/** Attributes a reader meets as words: a tooltip, a screen reader's name or description, an image's text. */
const READ_ATTRIBUTES = new Set(["title", "aria-label", "alt", "placeholder"]);

/** The visible and spoken text of an HTML or SVG document, one string per text node or read attribute. */
export function readersText(markup: string, {fragment = false} = {}): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text") {
      if (node.value?.trim()) out.push(node.value.trim());
      return;
    }
    if (UNSEEN.has(node.nodeName)) return;
    for (const attr of node.attrs ?? []) if (READ_ATTRIBUTES.has(attr.name) && attr.value.trim()) out.push(attr.value.trim());
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk((fragment ? parseFragment(markup) : parse(markup)) as unknown as Node);
  return out;
}

/** Every id of the fact base's tables (their primary keys, and the inspections the ratings name). */
export function factBaseKeys(): string[] {
  const facts = loadFactBase(join(projectRoot, "data"));
  const keys = new Set<string>();
  for (const table of facts.tables.values()) {
    const key = table.resource.schema.primaryKey as string | undefined;
    if (!key) continue;
    for (const row of table.rows) keys.add(String(row[key]));
  }
  for (const row of facts.rows("cqc_ratings")) keys.add(String(row.inspection_id));
  return [...keys];
}

const ISO_DATE = /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b/g;
/** A machine's identifier (a record number such as Hansard's debate ids), which a reader cannot read. */
const MACHINE_ID = /\b[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\b/g;

/** The keys, ISO dates and machine identifiers in a text, as found. */
export function internalTokens(text: string, keys: Set<string>): string[] {
  const found = [...(text.match(ISO_DATE) ?? []), ...(text.match(MACHINE_ID) ?? [])];
  for (const word of text.match(/[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+/g) ?? []) if (keys.has(word)) found.push(word);
  return found;
}

export function readFile(path: string): string {
  return readFileSync(path, "utf8");
}

/**
 * Shorthand a newspaper spells out: a month cut short before its year or in a span ("Jan 2014",
 * "Oct-Dec 2017"), the services' initials, a quarter's code, and the wording of a research log.
 * (Headlines are printed as their publishers wrote them, so "CEO" is not among these.)
 */
const SHORTHAND =
  /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=[\s–-]+\d{4}\b|[–-](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)|\b(?:MH|LD|CAMHS)\b|\bQ[1-4]\b|\b[Tt]he record holds\b|\b(?:sources|text) read\b/g;

/** The shorthand in a text, as found. */
export function shorthandIn(text: string): string[] {
  return text.match(SHORTHAND) ?? [];
}
