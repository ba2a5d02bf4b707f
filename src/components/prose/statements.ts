/**
 * What the people in the story said, each with who said it, their role and
 * organisation, when, and where it was reported. A speaker's own words are set
 * as a quotation; a reporter's account of what someone said or did is set as
 * the reporter's text, labelled so, never as the speaker's words.
 */
import type {Sourced} from "../../lib/story/story.js";
import {element} from "../dom.js";
import {datesInWords} from "../../lib/story/reader-text.js";
import {dateOf, disclosure, sourceLink, sourcesDiffer, statusBadge} from "./fact.js";

export function StatementCard(statement: Sourced<"statements">): HTMLElement {
  const own = statement.kind === "own words";
  const card = element("figure", `statement statement-${own ? "own-words" : "reported"}`);
  card.dataset.statement = statement.statement_id;
  // The words are the source's, exactly as printed.
  card.dataset.sourced = "";
  const words = element(own ? "blockquote" : "p", "statement-words", own ? `“${statement.words}”` : statement.words);
  const caption = element("figcaption", "statement-attribution");
  const who = element("span", "statement-speaker", statement.speaker);
  // "Family of Louise Locke, Family" and "Southern Health NHS Foundation Trust, Trust, …" say the speaker twice.
  const speaker = String(statement.speaker).toLowerCase();
  const role = [...new Set([statement.role, statement.organisation].filter((part): part is string => Boolean(part) && !speaker.includes(String(part).toLowerCase())))].join(", ");
  caption.append(own ? "" : element("span", "statement-kind", "Reported: "), who);
  if (role) caption.append(`, ${role}`);
  caption.append(", ", dateOf(statement), `. ${own ? "Quoted by" : "As reported by"} `, sourceLink(statement.source));
  const further = statement.sources.slice(1);
  if (further.length) {
    caption.append("; also ");
    further.forEach((source, i) => caption.append(i ? ", " : "", sourceLink(source)));
  }
  caption.append(".");
  const badge = statusBadge(statement.status);
  if (badge) caption.append(" ", badge);
  card.append(words, caption);
  if (statement.note) card.append(element("p", "statement-note", `Note: ${datesInWords(statement.note)}`));
  if (statement.disagreements.length) card.append(disclosure("Sources differ", sourcesDiffer(statement.disagreements)));
  return card;
}
