/**
 * A page of the export as a document: parsed once, changed by every step that
 * applies to it, serialised once. jsdom is the HTML parser Framework's own
 * tooling depends on; its serialisation differs from Framework's bytes only
 * where HTML says they are the same page (`<html>` and `<head>` on one line,
 * an empty attribute written `=""`, an apostrophe in text written as itself).
 */
import {JSDOM, VirtualConsole} from "jsdom";

const documents = new WeakMap<Document, JSDOM>();

/** Parses a page, keeping what serialises it. */
export function openPage(html: string): Document {
  // A silent console: jsdom reports CSS it cannot parse (container queries), which browsers read.
  const dom = new JSDOM(html, {virtualConsole: new VirtualConsole()});
  documents.set(dom.window.document, dom);
  return dom.window.document;
}

export function serialisePage(document: Document): string {
  const dom = documents.get(document);
  if (dom) return dom.serialize();
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : "";
  return doctype + document.documentElement.outerHTML;
}

/** The HTML comment Framework writes at the end of a cell: `<!--:1a2b3c4d:-->`, `<!--:1a2b3c4d-2:-->`. */
export const CELL_ROOT = /^:([0-9a-f]{8}(?:-\d+)?):$/;

export function cellId(node: Node | null): string | null {
  return isComment(node) ? (CELL_ROOT.exec(node.data)?.[1] ?? null) : null;
}

/** Node types by their DOM numbers, which jsdom's nodes share with a browser's (elements: src/components/dom.ts). */
export function isText(node: Node | null | undefined): node is Text {
  return node?.nodeType === 3;
}

export function isComment(node: Node | null | undefined): node is Comment {
  return node?.nodeType === 8;
}

/** Appends markup at the end of the head, where a page's own styles and scripts go; fails when there is no head. */
export function appendToHead(document: Document, html: string): void {
  if (!document.head) throw new Error("no <head> to add to");
  document.head.insertAdjacentHTML("beforeend", html);
}
