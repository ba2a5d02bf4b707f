/**
 * What the leaked draft said against what the final report said, so that a
 * reader who saw either can reconcile them. Rows pair figures by id.
 */
import type {Figure} from "../lib/figures.js";
import {dateOf, fact, labelOf} from "./fact.js";

/** An event row as the inspection record carries it. */
interface DatedEvent {
  date: string;
  date_precision: string;
}

export const DRAFT_FINAL_PAIRS = [
  {topic: "Deaths called “unexpected”", draft: "leak_unexpected_1454", final: "deaths_unexpected", why: "The leak counted every death reported on the incident system as unexpected; the final report counts those the trust categorised as unexpected, a subset."},
  {topic: "Deaths reported on the incident system", draft: null, final: "deaths_reported_ulysses", why: "The same count in both; the final report calls it what it is."},
  {topic: "Investigations reported as SIRI", draft: "investigated_siri", final: null, why: "Quoted from the draft and in Parliament; not re-confirmed from the final text."},
  {topic: "Age at death, learning disability", draft: "ld_mean_age_at_death_draft", final: "ld_median_age_at_death", why: "The draft gives a mean; the final report, as cited, a median. Different statistics, not a correction."}
] as const;

function cell(figures: Record<string, Figure>, id: string | null): HTMLTableCellElement {
  const td = document.createElement("td");
  if (id === null) td.textContent = "not stated";
  else td.append(fact(figures[id]), document.createElement("br"), labelOf(figures[id]));
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
