/**
 * "Says who?": a figure in the prose that opens, on hover, keyboard focus or
 * tap, a card with its definition, status and source. Draft and secondary
 * figures carry a visible badge wherever they appear.
 */
import type {Figure, SourceRef} from "../lib/figures.js";
import {STATUS_LABELS} from "../lib/status.js";
import {element} from "./dom.js";

let factCount = 0;

export function sourceLink(source: SourceRef): HTMLAnchorElement {
  const link = element("a", "source-link", `${source.publisher}: ${source.title}${source.published ? ` (${source.published})` : ""}`);
  link.href = source.url;
  link.rel = "noopener noreferrer";
  return link;
}

/** A badge for figures that are not final, so that no reader mistakes them for it. */
export function statusBadge(status: Figure["status"]): HTMLElement | null {
  if (status === "final") return null;
  const badge = element("span", `status-badge status-${status}`, STATUS_LABELS[status].toLowerCase());
  return badge;
}

export function fact(figure: Figure, {text = figure.display}: {text?: string} = {}): HTMLElement {
  const id = `fact-card-${++factCount}`;
  const root = element("span", `fact fact-${figure.status}`);
  root.dataset.figure = figure.id;
  const button = element("button", "fact-value", text);
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", id);
  button.setAttribute("aria-describedby", id);
  const card = element("span", "fact-card");
  card.id = id;
  card.setAttribute("role", "note");
  card.append(element("strong", "fact-label", figure.label));
  card.append(element("span", "fact-definition", figure.definition));
  const status = element("span", "fact-status", `Status: ${STATUS_LABELS[figure.status]}${figure.derived ? " (computed from counts)" : ""}`);
  card.append(status);
  const sources = element("span", "fact-sources", figure.sources.length > 1 ? "Sources: " : "Source: ");
  figure.sources.forEach((source, i) => {
    if (i > 0) sources.append("; ");
    sources.append(sourceLink(source));
  });
  card.append(sources);
  if (figure.quote) card.append(element("q", "fact-quote", figure.quote));
  const setOpen = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    root.toggleAttribute("data-open", open);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false), button.focus();
  });
  root.addEventListener("focusout", (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  root.append(button);
  const badge = statusBadge(figure.status);
  if (badge) root.append(badge);
  root.append(card);
  return root;
}
