/**
 * What the leaked draft said against what the final report said, so that a
 * reader who saw either can reconcile them. Rows pair figures by id.
 */
import type {Figure} from "../../lib/story/figures.js";
import {dateOf, fact, labelOf} from "../prose/fact.js";
import {DRAFT_FINAL_PAIRS} from "../../lib/delivery/chart-figures.js";
import {figureById} from "../../lib/story/checked-lookups.js";
import {element} from "../dom.js";

/** An event row as the inspection record carries it. */
interface DatedEvent {
  date: string;
  date_precision: string;
}

/** The columns, named once: the header row, and each cell's label where a phone stacks the row (style.css). */
const COLUMNS = ["Topic", "Leaked draft", "Final report", "Why they differ"] as const;

function cell(figures: Record<string, Figure>, id: string | null, column: (typeof COLUMNS)[number]): HTMLTableCellElement {
  const td = element("td");
  td.dataset.label = column;
  if (id === null) td.textContent = "not stated";
  else {
    const figure = figureById(figures, id);
    td.append(fact(figure), element("br"), labelOf(figure));
  }
  return td;
}

/** `leak` and `report` are the events of the draft's leak and the final report's publication. */
export function DraftFinalTable(figures: Record<string, Figure>, {leak, report}: {leak: DatedEvent; report: DatedEvent}): HTMLTableElement {
  const table = element("table", "draft-final");
  const caption = element("caption");
  caption.append("The leaked draft (reported ", dateOf(leak), ") against the final report (published ", dateOf(report), ")");
  const head = element("thead");
  const headings = head.insertRow();
  for (const column of COLUMNS) {
    const th = element("th");
    th.scope = "col";
    th.textContent = column;
    headings.append(th);
  }
  const body = element("tbody");
  for (const pair of DRAFT_FINAL_PAIRS) {
    const row = element("tr");
    const topic = element("th");
    topic.scope = "row";
    topic.textContent = pair.topic;
    const why = element("td");
    why.dataset.label = COLUMNS[3];
    why.textContent = pair.why;
    row.append(topic, cell(figures, pair.draft, COLUMNS[1]), cell(figures, pair.final, COLUMNS[2]), why);
    body.append(row);
  }
  table.append(caption, head, body);
  return table;
}
