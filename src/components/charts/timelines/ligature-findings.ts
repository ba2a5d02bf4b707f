/**
 * The ligature-risk findings in date order, as the thread chart places them
 * and as a list a reader can scan. Kept apart from the chart so that the page's
 * prose and list need no charting library.
 */
import {byText, formatDate, precisionOf} from "../../../lib/story/format.js";
import {isLigatureFinding} from "../../../lib/delivery/chart-records.js";
import {timeSpan} from "../../../lib/story/time-span.js";
import {sourceLink, statusBadge} from "../../prose/fact.js";
import type {FindingRow} from "../record.js";
import {element} from "../../dom.js";

export type ThreadRow = FindingRow & {
  start: Date;
  end: Date;
  is_span: boolean;
  /** When the risk was seen, as precisely as the source says. */
  seen: string;
  seen_as: string;
  /** When the finding was made public (or the hearing held). */
  reported: string;
};

export function threadRows(findings: FindingRow[]): ThreadRow[] {
  return findings
    .filter(isLigatureFinding)
    .map((f) => {
      const date = f.inspected ?? f.dated;
      const precision = precisionOf(f.inspected ? f.inspected_precision : f.dated_precision);
      const {start, end, isSpan} = timeSpan(date, precision);
      return {
        ...f,
        start,
        end,
        is_span: isSpan,
        seen: formatDate(date, precision),
        seen_as: f.inspected ? "inspected" : f.date_role,
        reported: `${f.date_role} ${formatDate(f.dated, f.dated_precision)}`
      };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime() || byText(a.dated, b.dated));
}

/** The thread as a list a reader can scan: when, where, what, and who says so. */
export function ThreadList(findings: FindingRow[]): HTMLElement {
  const list = element("ol", "thread-list");
  for (const row of threadRows(findings)) {
    const item = element("li");
    // Each item is a finding as its source states it, with the source beside it.
    item.dataset.sourced = "";
    const when = element("strong", "", `${row.seen}, ${row.location}`);
    item.append(when, `: ${row.finding}. `);
    const badge = statusBadge(row.status);
    if (badge) item.append(badge, " ");
    item.append(sourceLink(row.source));
    list.append(item);
  }
  return list;
}
