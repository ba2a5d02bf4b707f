/**
 * The events as a table a reader can scan and copy, beside the timeline chart.
 * It draws no chart, so a page that shows it loads no charting library.
 */
import {disclosure, sourcesDiffer, statusBadge} from "../../prose/fact.js";
import {compactSourceLink} from "../record.js";
import {categoryColour, type TimelineRow} from "./timeline-data.js";
import {element} from "../../dom.js";

/** The events as a table, dated as precisely as their sources, each linked to its source. */
export function EventList(rows: TimelineRow[]): HTMLElement {
  const table = element("table", "event-list");
  table.createCaption().textContent = "The events shown, dated as precisely as their sources, each with its source";
  const head = table.createTHead().insertRow();
  for (const heading of ["Date", "Category", "Event", "Source"]) {
    const th = element("th");
    th.scope = "col";
    th.textContent = heading;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    // Each row is an event as its source states it, with the source in the last cell.
    tr.dataset.sourced = "";
    tr.dataset.event = row.event_id;
    tr.dataset.precision = row.date_precision;
    const date = tr.insertCell();
    date.className = "event-date";
    const time = element("time");
    time.dateTime = row.date;
    time.textContent = row.when;
    date.append(time);
    const category = tr.insertCell();
    const swatch = element("span", "event-swatch");
    swatch.style.background = categoryColour(row.reader_category);
    category.append(swatch, row.reader_category);
    const event = tr.insertCell();
    event.append(row.event);
    const badge = statusBadge(row.status);
    if (badge) event.append(" ", badge);
    if (row.disagreements?.length) event.append(" ", disclosure("Sources differ", sourcesDiffer(row.disagreements)));
    tr.insertCell().append(compactSourceLink(row.source));
  }
  return table;
}
