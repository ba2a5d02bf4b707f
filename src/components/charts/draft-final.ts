/**
 * What the leaked draft said against what the final report said, so that a
 * reader who saw either can reconcile them. Rows pair figures by id.
 */
import type {Figure} from "../../lib/story/figures.js";
import {dateOf, fact, labelOf} from "../prose/fact.js";
import {DRAFT_FINAL_PAIRS} from "../../lib/delivery/chart-figures.js";
import {figureById} from "../../lib/story/checked-lookups.js";

/** An event row as the inspection record carries it. */
interface DatedEvent {
  date: string;
  date_precision: string;
}

function cell(figures: Record<string, Figure>, id: string | null): HTMLTableCellElement {
  const td = document.createElement("td");
  if (id === null) td.textContent = "not stated";
  else {
    const figure = figureById(figures, id);
    td.append(fact(figure), document.createElement("br"), labelOf(figure));
  }
  return td;
}

/** `leak` and `report` are the events of the draft's leak and the final report's publication. */
export function DraftFinalTable(figures: Record<string, Figure>, {leak, report}: {leak: DatedEvent; report: DatedEvent}): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "draft-final";
  const caption = document.createElement("caption");
  caption.append("The leaked draft (reported ", dateOf(leak), ") against the final report (published ", dateOf(report), ")");
  const head = document.createElement("thead");
  head.innerHTML = "<tr><th scope=col>Topic</th><th scope=col>Leaked draft</th><th scope=col>Final report</th><th scope=col>Why they differ</th></tr>";
  const body = document.createElement("tbody");
  for (const pair of DRAFT_FINAL_PAIRS) {
    const row = document.createElement("tr");
    const topic = document.createElement("th");
    topic.scope = "row";
    topic.textContent = pair.topic;
    const why = document.createElement("td");
    why.textContent = pair.why;
    row.append(topic, cell(figures, pair.draft), cell(figures, pair.final), why);
    body.append(row);
  }
  table.append(caption, head, body);
  return table;
}
