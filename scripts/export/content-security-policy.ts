/**
 * Data that never leaves: every built page carries a Content-Security-Policy
 * that lets it connect, load and submit only to its own origin, so nothing on
 * it (a bug, a crafted share link, a file an analyst opened) can send a table
 * elsewhere. The policy goes into each page as its first `<meta>` after the
 * charset, with the hashes of that page's inline scripts; the same policy
 * without the hashes goes into `_headers` (the header file Netlify and
 * Cloudflare Pages read) and, in docs/editors.md, into nginx's and S3's
 * settings.
 *
 * Framework's pages and ours carry inline scripts (the page's module, the
 * sidebar, the deferred start, the embeds' child script): each is allowed by
 * the sha256 of its text, computed here from the page as it will be served,
 * so the policy allows exactly these and no other inline script. Inline event
 * handlers (the sidebar button's `onclick`) are allowed the same way, by hash
 * under `script-src-attr` with 'unsafe-hashes', which admits those handlers'
 * texts and no other. A `javascript:` address cannot be allowed by a hash: a
 * page with one fails the build, as does a page whose inline code the policy
 * does not cover.
 *
 * What each part is for:
 * - `'wasm-unsafe-eval'`: DuckDB-WASM compiles WebAssembly; it allows no
 *   string evaluation of JavaScript.
 * - `worker-src 'self' blob:`: DuckDB-WASM starts its worker from a `blob:`
 *   copy of its worker script (a blob worker keeps this page's policy).
 * - `connect-src 'self' blob: data:`: the data files, DuckDB's WebAssembly,
 *   and the `blob:`/`data:` addresses downloads and files opened are read from.
 * - `style-src 'unsafe-inline'`: Plot and the embeds set styles inline; styles
 *   can reach another origin only through images and fonts, which stay on this one.
 * - no `frame-ancestors`: a `<meta>` policy cannot set it, and the embeds
 *   must stay frameable by newsrooms' pages; the header leaves it unset too.
 */
import {createHash} from "node:crypto";
import {parse} from "parse5";
import type {DefaultTreeAdapterMap} from "parse5";
import {escapeHtml} from "../../src/lib/story/format.js";
import {RewriteError} from "../prerender/static-html.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** The policy every page shares; a page adds the hashes of its own inline scripts to `script-src`. */
export const SITE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["script-src-attr", "'none'"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self' data:"],
  ["connect-src", "'self' blob: data:"],
  ["worker-src", "'self' blob:"],
  ["frame-src", "'self'"],
  ["media-src", "'self' data: blob:"],
  ["manifest-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"]
];

/** What an inline script, handler or address on a page is, for the build's messages. */
export interface InlineCode {
  kind: "script" | "handler" | "address";
  /** Where on the page: the element, and the attribute for a handler or address. */
  where: string;
  text: string;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
  // A <template>'s children are in its content fragment.
  if ("content" in node && node.content) yield* elements(node.content);
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ("value" in child && child.nodeName === "#text" ? child.value : "")).join("");
}

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href"]);

/** Every inline script (any type: a held-back module is run later by its text), event handler and `javascript:` address. */
export function inlineCode(html: string): InlineCode[] {
  const found: InlineCode[] = [];
  for (const element of elements(parse(html))) {
    const name = element.tagName;
    if (name === "script" && !element.attrs.some((a) => a.name === "src")) {
      found.push({kind: "script", where: `<script${element.attrs.map((a) => ` ${a.name}="${a.value}"`).join("")}>`, text: textOf(element)});
    }
    for (const {name: attribute, value} of element.attrs) {
      if (/^on[a-z]+$/i.test(attribute)) found.push({kind: "handler", where: `<${name} ${attribute}>`, text: value});
      else if (URL_ATTRIBUTES.has(attribute) && /^\s*javascript:/i.test(value)) found.push({kind: "address", where: `<${name} ${attribute}>`, text: value});
    }
  }
  return found;
}

/**
 * htl (the templates of Observable Inputs and of Framework's `html`) writes a
 * function-valued `on…` attribute as a placeholder, `::<n>` for the n-th value
 * of its template, before it sets the function as a property; Chromium checks
 * that placeholder against the policy as an inline handler. `::<n>` is not
 * JavaScript (it cannot parse), so allowing these texts allows nothing to run.
 * Inputs' templates have at most 13 values; a template with more than
 * HTL_PLACEHOLDERS shows up as a console error in the build's render check.
 */
const HTL_PLACEHOLDERS = 32;

/** Whether the page runs Framework's client (its module script, or the same held back until the first paint). */
const runsFramework = (code: InlineCode[]) => code.some((c) => c.kind === "script" && /type="(module|text\/x-page-module)"/.test(c.where));

/** The policy for one page: the site's, with the hash of each of its inline scripts and handlers. */
export function pagePolicy(html: string): string {
  const code = inlineCode(html);
  const hashesOf = (kind: InlineCode["kind"], extra: string[] = []) => [...new Set([...code.filter((c) => c.kind === kind).map((c) => c.text), ...extra].map(sha256))].sort();
  const scripts = hashesOf("script");
  const placeholders = runsFramework(code) ? Array.from({length: HTL_PLACEHOLDERS}, (_, n) => `::${n}`) : [];
  const handlers = hashesOf("handler", placeholders);
  return SITE_DIRECTIVES.map(([name, value]) => {
    if (name === "script-src") return [name, value, ...scripts].join(" ");
    if (name === "script-src-attr") return handlers.length ? [name, "'unsafe-hashes'", ...handlers].join(" ") : `${name} ${value}`;
    return `${name} ${value}`;
  }).join("; ");
}

/** The site-wide policy a host sets for every path (nginx, S3): each page's `<meta>` adds its script hashes. */
export function sitePolicy(): string {
  const INLINE: Record<string, string> = {"script-src": "'self' 'wasm-unsafe-eval' 'unsafe-inline'", "script-src-attr": "'unsafe-inline'"};
  return SITE_DIRECTIVES.map(([name, value]) => `${name} ${INLINE[name] ?? value}`).join("; ");
}

/** The policy a page's `<meta http-equiv="Content-Security-Policy">` states, if it has one. */
export function statedPolicy(html: string): string | undefined {
  for (const element of elements(parse(html))) {
    const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
    if (element.tagName === "meta" && attribute("http-equiv")?.toLowerCase() === "content-security-policy") return attribute("content");
  }
  return undefined;
}

/** The inline code of a page its stated policy does not allow: none on a page the build may publish. */
export function uncoveredCode(html: string): InlineCode[] {
  const directives = (statedPolicy(html) ?? "").split(";").map((d) => d.trim().split(/\s+/));
  const sources = (name: string) => new Set(directives.find(([n]) => n === name)?.slice(1) ?? []);
  const elements = sources("script-src");
  const attributes = sources("script-src-attr");
  return inlineCode(html).filter((code) => {
    if (code.kind === "address") return true;
    if (code.kind === "handler") return !attributes.has("'unsafe-hashes'") || !attributes.has(sha256(code.text));
    return !elements.has(sha256(code.text));
  });
}

/**
 * The page with its policy as the first element after the charset: a `<meta>`
 * policy governs only what comes after it. Refuses a page that already states
 * one (two steps would disagree) and a page with code no hash can allow.
 */
export function withPolicy(html: string, where: string): string {
  if (statedPolicy(html) !== undefined) throw new RewriteError(`${where}: the page already states a Content-Security-Policy`);
  const document = parse(html, {sourceCodeLocationInfo: true});
  const head = [...elements(document)].find((e) => e.tagName === "head");
  const headStart = head?.sourceCodeLocation?.startTag;
  if (!head || !headStart) throw new RewriteError(`${where}: no <head> tag to put the Content-Security-Policy in`);
  const first = head.childNodes.find((child): child is Element => "tagName" in child);
  const charset = first?.tagName === "meta" && first.attrs.some((a) => a.name === "charset") ? first.sourceCodeLocation : undefined;
  const at = charset?.endOffset ?? headStart.endOffset;
  const meta = `\n<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pagePolicy(html))}">`;
  const secured = html.slice(0, at) + meta + html.slice(at);
  const uncovered = uncoveredCode(secured);
  if (uncovered.length > 0) {
    const what = uncovered.map((c) => `${c.where} (${c.kind === "address" ? "a javascript: address, which no policy can allow by hash; use a script" : "not covered by the policy"})`);
    throw new RewriteError(`${where}: inline code the Content-Security-Policy does not allow: ${what.join("; ")}`);
  }
  return secured;
}

/**
 * The host header file (Netlify and Cloudflare Pages read `_headers`): the
 * site-wide policy for every path, as docs/editors.md gives it for nginx and
 * S3. A browser enforces both the header and the page's `<meta>`, so a page's
 * inline scripts are those its `<meta>` hashes, and every other directive is
 * the same in both. The header also covers what has no `<meta>`: an SVG
 * opened on its own, a worker started from its address.
 */
export function headersFile(): string {
  return `# Written by the build (scripts/export/content-security-policy.ts); each page's <meta> adds its script hashes.\n/*\n  Content-Security-Policy: ${sitePolicy()}\n`;
}
